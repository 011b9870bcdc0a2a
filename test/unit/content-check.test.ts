/**
 * Editors' mistakes: each fails with a French message naming the file, the field and what is expected.
 * Each test copies a valid content tree (test/fixtures/content) and breaks one thing.
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { checkContent, formatProblems } from '../../src/lib/content-checks/content-check.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const fixture = path.join(root, 'test/fixtures/content');
const temps: string[] = [];

/** A fresh copy of the fixture with one file edited; returns the content folder. */
async function contentWith(file: string, edit: (text: string) => string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'contenu-'));
  temps.push(dir);
  const content = path.join(dir, 'content');
  await cp(fixture, content, { recursive: true });
  const target = path.join(content, file);
  await writeFile(target, edit(await readFile(target, 'utf8')));
  return content;
}

afterEach(async () => {
  await Promise.all(temps.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

describe('content checker', () => {
  it('accepts the valid fixture', async () => {
    const { problems, entries } = await checkContent(fixture);
    expect(problems).toEqual([]);
    expect(entries).toHaveLength(5);
  });

  it('names a missing required field', async () => {
    const content = await contentWith('formations/creche.md', (t) => t.replace(/^coanimation:.*\n/m, ''));
    const message = formatProblems((await checkContent(content)).problems);
    expect(message).toContain('content/formations/creche.md, ligne 2, champ « coanimation » : champ obligatoire manquant');
  });

  it('adds the schema’s example to a message that has none', async () => {
    const content = await contentWith('referents/le-blosne-1.md', (t) => t.replace('    jour: mardi\n', ''));
    const message = formatProblems((await checkContent(content)).problems);
    expect(message).toMatch(
      /content\/referents\/le-blosne-1\.md, ligne 7, champ « permanences\[0\]\.jour » : champ obligatoire manquant \(.*\) ; exemple : mardi/,
    );
  });

  it('names an unknown quartier and lists the known ones', async () => {
    const content = await contentWith('referents/le-blosne-1.md', (t) => t.replace('quartier: le-blosne', 'quartier: blosne'));
    const message = formatProblems((await checkContent(content)).problems);
    expect(message).toContain(
      "content/referents/le-blosne-1.md, ligne 2, champ « quartier » : « blosne » n'existe pas dans content/quartiers/. Valeurs possibles : le-blosne",
    );
  });

  it('refuses an impossible date', async () => {
    const content = await contentWith('formations/creche.md', (t) => t.replace('date: 2027-02-10', 'date: 2027-02-30'));
    const message = formatProblems((await checkContent(content)).problems);
    expect(message).toContain(
      'content/formations/creche.md, ligne 11, champ « sessions[0].date » : date impossible ou mal écrite : « 2027-02-30 » ; format attendu AAAA-MM-JJ',
    );
  });

  it('refuses a malformed time slot', async () => {
    const content = await contentWith('lieux/salle-exemple.md', (t) => t.replace('"13:30-17:00"', '"13h30-17h"'));
    const message = formatProblems((await checkContent(content)).problems);
    expect(message).toContain(
      'content/lieux/salle-exemple.md, ligne 14, champ « horaires[0].creneaux[1] » : créneau mal écrit : « 13h30-17h » ; attendu HH:MM-HH:MM',
    );
  });

  it('refuses a personal phone number on a referent', async () => {
    const content = await contentWith('referents/le-blosne-1.md', (t) =>
      t.replace('statut: en-poste', 'statut: en-poste\ntelephone: "0600000000"'),
    );
    const message = formatProblems((await checkContent(content)).problems);
    expect(message).toContain('content/referents/le-blosne-1.md, ligne 4 : champ non autorisé : telephone');
  });

  it('stops the real build with the French message and exit code 1, never a stack trace', async () => {
    const content = await contentWith('referents/le-blosne-1.md', (t) => t.replace('"14:00-17:00"', '"14h-25h"'));
    await cp(path.join(root, 'content/formulaires'), path.join(content, 'formulaires'), { recursive: true });
    const project = path.dirname(content);
    for (const name of ['src', 'node_modules', 'public', 'package.json', 'tsconfig.json', 'astro.config.mjs']) {
      await symlink(path.join(root, name), path.join(project, name));
    }
    const run = promisify(execFile)(path.join(root, 'node_modules/.bin/astro'), ['build', '--root', project], {
      cwd: project,
      env: { ...process.env, PATH: `${path.join(root, 'node_modules/.bin')}:${process.env.PATH}` },
    });
    const failure = await run.then(
      () => null,
      (error: { stdout: string; stderr: string; code: number }) => error,
    );
    expect(failure, 'the build must fail').not.toBeNull();
    expect(failure!.code).toBe(1);
    const output = `${failure!.stdout}${failure!.stderr}`;
    expect(output).toContain('Construction arrêtée. Le contenu contient 1 erreur à corriger avant publication :');
    expect(output).toContain(
      'content/referents/le-blosne-1.md, ligne 9, champ « permanences[0].creneau » : créneau mal écrit : « 14h-25h » ; attendu HH:MM-HH:MM avec une fin après le début, par exemple 09:00-12:30',
    );
    // An editor's mistake is not a crash: no hook error, no stack trace.
    expect(output).not.toMatch(/unhandled error|Stack trace|\n\s+at /i);
  }, 60_000);

  describe('programme pages', () => {
    /** The fixture plus one programme page, as an editor would write it. */
    async function withProgramme(edit: (text: string) => string = (t) => t): Promise<string> {
      const content = await contentWith('lieux/salle-exemple.md', (t) => t);
      await mkdir(path.join(content, 'programmes'), { recursive: true });
      await writeFile(path.join(content, 'programmes/e2c.md'), edit(PROGRAMME));
      await mkdir(path.join(content, 'organisations'), { recursive: true });
      return content;
    }

    it('refuses a programme page without a status or a verification date', async () => {
      const content = await withProgramme((t) => t.replace(/^statut: proposition\n/m, '').replace(/^verifie_le: .*\n/m, ''));
      const message = formatProblems((await checkContent(content)).problems);
      expect(message).toContain('content/programmes/e2c.md, ligne 2, champ « statut » : champ obligatoire manquant');
      expect(message).toContain('content/programmes/e2c.md, ligne 2, champ « verifie_le » : champ obligatoire manquant');
    });

    it('accepts a proposal, and a further status only with its date and source', async () => {
      const ok = await withProgramme();
      expect((await checkContent(ok)).problems.filter((p) => p.file.includes('programmes'))).toEqual([]);
      const undated = await withProgramme((t) => t.replace('statut: proposition', 'statut: en-cours'));
      const message = formatProblems((await checkContent(undated)).problems);
      expect(message).toContain(
        'champ « statut_confirme_le » : champ obligatoire manquant (statut « en-cours » : indiquez la date',
      );
      expect(message).toContain('champ « statut_source »');
      const dated = await withProgramme((t) =>
        t.replace(
          'statut: proposition',
          'statut: en-cours\nstatut_confirme_le: 2027-01-10\nstatut_source: "Direction des solidarités"',
        ),
      );
      expect((await checkContent(dated)).problems.filter((p) => p.file.includes('programmes'))).toEqual([]);
    });
  });

  it('names typography an editor must fix, field by field and in the text', async () => {
    const content = await contentWith(
      'lieux/salle-exemple.md',
      (t) => t.replace(/^nom: .*$/m, 'nom: "Salle (exemple) exemple"') + '\nRendez-vous à Maison de quartier.Merci.\n',
    );
    const message = formatProblems((await checkContent(content)).problems);
    expect(message).toContain('content/lieux/salle-exemple.md, ligne 2, champ « nom » : typographie : mot répété');
    expect(message).toMatch(/salle-exemple\.md, ligne 19 : typographie \(texte\) : espace manquante/);
    expect(message).toMatch(/salle-exemple\.md, ligne 19 : typographie \(texte\) : article manquant/);
  });
});

const PROGRAMME = `---
ordre: 5
titre: "Une École de la deuxième chance à Rennes"
titre_court: "École de la deuxième chance"
resume: "Un projet : ouvrir à Rennes une École de la deuxième chance pour les jeunes de moins de 26 ans sortis de l'école sans diplôme ni qualification, avec un parcours sur mesure entre formation et entreprise."
pour_qui: "Les jeunes de moins de 26 ans, motivés, qui ont quitté l'école sans diplôme et sans qualification."
ce_qui_est_propose:
  - "Soutenir l'ouverture à Rennes d'une École de la deuxième chance"
  - "Pour les jeunes de moins de 26 ans, motivés, sortis de l'école sans qualification ni diplôme"
  - "Un parcours personnalisé de 4 mois à 2 ans, selon la charte du réseau des écoles de la deuxième chance"
comment_participer: "L'école n'est pas encore ouverte : on ne peut pas encore s'y inscrire. Pour être tenu au courant, dites-nous votre intérêt par le formulaire ci-dessous. Entreprise ou organisme prêt à s'engager : écrivez-nous par le formulaire de contact du site."
partenaires: []
statut: proposition
falc:
  texte:
    - "C'est un projet d'école pour les jeunes."
    - "Cette école est pour les jeunes de moins de 26 ans."
    - "Ces jeunes ont quitté l'école sans diplôme."
    - "Ils apprennent à l'école et en entreprise."
    - "À la fin, ils reçoivent un papier qui dit ce qu'ils savent faire."
    - "L'école n'est pas encore ouverte."
  statut: brouillon
verifie_le: 2026-11-20
exemple: false
---

`;

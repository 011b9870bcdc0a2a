/**
 * Easy-read (FALC) summaries: warnings naming the sentence for each easy-read rule, a jargon list
 * editors extend (content/falc/jargon.yaml), and a draft until the proofreading is recorded.
 */
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { checkContent, formatProblems, formatWarnings } from '../../src/lib/content-checks/content-check.ts';
import { checkEditorial } from '../../src/lib/content-checks/editorial-check.ts';
import { phrases, problemesFalc } from '../../src/lib/content-checks/falc-check.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const fixture = path.join(root, 'test/fixtures/content');
const temps: string[] = [];

afterEach(async () => {
  await Promise.all(temps.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

/** The fixture plus one programme whose FALC block is `falc`, and optionally a jargon list. */
async function withFalc(falc: string, jargon?: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'falc-'));
  temps.push(dir);
  const content = path.join(dir, 'content');
  await cp(fixture, content, { recursive: true });
  await mkdir(path.join(content, 'programmes'));
  await writeFile(path.join(content, 'programmes/e2c.md'), programme(falc));
  if (jargon !== undefined) {
    await mkdir(path.join(content, 'falc'));
    await writeFile(path.join(content, 'falc/jargon.yaml'), jargon);
  }
  return content;
}

async function check(content: string) {
  const { problems, entries } = await checkContent(content);
  const editorial = await checkEditorial(content, entries, { today: '2026-12-01' });
  return { errors: [...problems, ...editorial.errors], warnings: editorial.warnings };
}

describe('easy-read sentences', () => {
  it('splits a line into sentences', () => {
    expect(phrases('Vous venez. Vous parlez ! Vous repartez ?')).toEqual(['Vous venez.', 'Vous parlez !', 'Vous repartez ?']);
  });

  it('accepts short, positive, active sentences with numbers in digits', () => {
    for (const ok of [
      'Les enfants jouent ensemble.',
      'Il y a 3 places.',
      'Des adultes sont là pour aider.',
      'Le 3919 est gratuit.',
      'Vous êtes bienvenue.',
      'La permanence est mardi.',
    ])
      expect(problemesFalc(ok), ok).toEqual([]);
  });

  it('names each rule a sentence breaks', () => {
    expect(problemesFalc('Les parents et les enfants viennent le mardi et le jeudi avec leurs amis du quartier.')).toEqual([
      'phrase trop longue : 16 mots (12 au plus) ; coupez-la en deux phrases',
      'phrase trop longue : 85 caractères (80 au plus)',
    ]);
    expect(problemesFalc('Les professionnels écoutent.')[0]).toBe(
      'mot long : « professionnels » ; cherchez un mot plus court et courant',
    );
    expect(problemesFalc('Il y a douze places.')[0]).toMatch(/^nombre écrit en lettres : « douze »/);
    expect(problemesFalc('Vous ne payez pas.')[0]).toMatch(/^forme négative/);
    expect(problemesFalc('Ce n’est jamais fermé le mardi.')).toContainEqual(expect.stringMatching(/^forme négative/));
    expect(problemesFalc('Vous êtes accueillie par une animatrice.')[0]).toMatch(/^forme passive possible/);
    expect(problemesFalc('Le goûter est préparé.')[0]).toMatch(/^forme passive possible/);
  });

  it('finds jargon without minding capitals, accents or a plural', () => {
    const jargon = [{ mot: 'démarche', dire_plutot: 'dites ce qu’il faut faire' }];
    expect(problemesFalc('Les DEMARCHES sont simples.', jargon)).toEqual([
      'mot difficile : « démarche » ; dites ce qu’il faut faire',
    ]);
    expect(problemesFalc('Vous marchez ensemble.', jargon)).toEqual([]);
  });
});

describe('FALC summaries in the content check', () => {
  it('warns with the file, the line, the field and the sentence, and still publishes', async () => {
    const content = await withFalc(
      FALC_BROUILLON.replace('"Ces jeunes ont quitté l\'école."', '"Ces jeunes n\'ont pas de diplôme. Ils ont dix-huit ans."'),
    );
    const { errors, warnings } = await check(content);
    expect(errors).toEqual([]);
    const text = formatWarnings(warnings);
    expect(text).toContain(
      "content/programmes/e2c.md, ligne 11, champ « falc.texte[1] » : FALC, « Ces jeunes n'ont pas de diplôme. » : forme négative",
    );
    expect(text).toContain(
      'content/programmes/e2c.md, ligne 11, champ « falc.texte[1] » : FALC, « Ils ont dix-huit ans. » : nombre écrit en lettres : « dix »',
    );
  });

  it('reports a draft until the proofreading is recorded, who and when', async () => {
    const draft = await check(await withFalc(FALC_BROUILLON));
    expect(formatWarnings(draft.warnings)).toContain(
      'content/programmes/e2c.md, ligne 13, champ « falc.statut » : résumé FALC en brouillon : faites-le relire par des personnes en situation de handicap intellectuel',
    );

    const unrecorded = await check(await withFalc(FALC_BROUILLON.replace('statut: brouillon', 'statut: relu')));
    expect(formatProblems(unrecorded.errors)).toContain(
      'content/programmes/e2c.md, ligne 8, champ « falc.relecture » : champ obligatoire manquant (statut « relu » : notez la relecture',
    );

    const recorded = await check(
      await withFalc(
        FALC_BROUILLON.replace(
          'statut: brouillon',
          'statut: relu\n  relecture:\n    par: "groupe de relecture d\'un ESAT"\n    le: 2026-11-25',
        ),
      ),
    );
    expect(recorded.errors).toEqual([]);
    expect(recorded.warnings.filter((w) => w.file.includes('programmes'))).toEqual([]);
  });

  it('uses the jargon list editors extend, and explains a malformed entry', async () => {
    const extended = await check(
      await withFalc(FALC_BROUILLON, '- mot: entreprise\n  dire_plutot: "dites plutôt « un travail »"\n'),
    );
    expect(formatWarnings(extended.warnings)).toContain(
      "champ « falc.texte[2] » : FALC, « Ils apprennent à l'école et en entreprise. » : mot difficile : « entreprise » ; dites plutôt « un travail »",
    );

    const malformed = await check(await withFalc(FALC_BROUILLON, '- mot: entreprise\n'));
    expect(formatProblems(malformed.errors)).toContain(
      'content/falc/jargon.yaml, champ « [0] » : chaque mot a deux lignes, par exemple « - mot: dispositif »',
    );
  });
});

const FALC_BROUILLON = `falc:
  texte:
    - "C'est un projet d'école pour les jeunes."
    - "Ces jeunes ont quitté l'école."
    - "Ils apprennent à l'école et en entreprise."
  statut: brouillon`;

const programme = (falc: string) => `---
ordre: 5
titre: "Une École de la deuxième chance à Rennes"
titre_court: "École de la deuxième chance"
resume: "Un projet d'école pour les jeunes sortis de l'école sans diplôme."
pour_qui: "Les jeunes de moins de 26 ans."
ce_qui_est_propose: ["Soutenir l'ouverture d'une École de la deuxième chance"]
${falc}
comment_participer: "Écrivez-nous par le formulaire de contact."
partenaires: []
statut: proposition
verifie_le: 2026-11-20
exemple: false
---
`;

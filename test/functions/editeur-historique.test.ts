/**
 * A file's versions in the content repository (functions/editeur/historique.ts) and their page: a real git repository,
 * a real referent of content/ changed, renamed and deleted by commits, the lines an editor reads, and the page's HTML
 * valid under the project's html-validate rules.
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { HtmlValidate } from 'html-validate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { htmlValidateConfig } from '../../.config/html-validate.ts';
import { changements, DemandeRefusee, historique, versionDu, type Version } from '../../functions/editeur/historique.ts';
import { historiquePage } from '../../functions/editeur/historique-page.ts';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const REFERENT = 'content/referents/le-blosne-1.md';
const RENOMME = 'content/referents/le-blosne-3.md';
const FORMULAIRE = 'content/formulaires/contact.yaml';

let depot: string;
/** Commits by name, as the test made them. */
const commits: Record<string, string> = {};

async function git(args: string[], date?: string) {
  const env = date ? { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : process.env;
  return (await run('git', ['-C', depot, ...args], { env })).stdout.trim();
}

async function commit(nom: string, date: string, message: string[]) {
  await git(['add', '-A']);
  await git(['commit', '-q', ...message.flatMap((m) => ['-m', m])], date);
  commits[nom] = await git(['rev-parse', 'HEAD']);
}

async function edit(file: string, from: string, to: string) {
  const full = path.join(depot, file);
  const text = await readFile(full, 'utf8');
  expect(text).toContain(from);
  await writeFile(full, text.replace(from, to));
}

beforeAll(async () => {
  depot = await mkdtemp(path.join(tmpdir(), 'fabrique-historique-'));
  await run('git', ['init', '-q', '-b', 'main', depot]);
  await git(['config', 'user.name', 'Serveur de la Fabrique']);
  await git(['config', 'user.email', 'serveur@exemple.invalid']);
  await git(['config', 'commit.gpgsign', 'false']);
  await mkdir(path.join(depot, 'content/referents'), { recursive: true });
  await mkdir(path.join(depot, 'content/formulaires'), { recursive: true });
  await copyFile(path.join(root, REFERENT), path.join(depot, REFERENT));
  await copyFile(path.join(root, 'content/referents/centre-1.md'), path.join(depot, 'content/referents/centre-1.md'));
  await copyFile(path.join(root, FORMULAIRE), path.join(depot, FORMULAIRE));
  await commit('creation', '2026-11-01T10:00:00+01:00', ['Contenu de départ']);

  await edit(REFERENT, 'creneau: "14:00-17:00"', 'creneau: "14:00-18:00"');
  await commit('horaire', '2026-11-02T09:05:00+01:00', [
    'Mettre à jour « le-blosne-1 »',
    'Modifié-par: Claire Exemple <claire@exemple.invalid>',
  ]);

  // Another file's change: not in this file's history.
  await edit('content/referents/centre-1.md', 'verifie_le: 2026-11-20', 'verifie_le: 2026-11-25');
  await commit('autre', '2026-11-03T10:00:00+01:00', ['Autre fiche']);

  await edit(
    REFERENT,
    '    modalites: "sans rendez-vous"\n',
    '    modalites: "sans rendez-vous"\n    annulations:\n      - date: 2026-12-16\n        raison: "la référente est en formation"\n',
  );
  await edit(REFERENT, 'langues: [français, wolof]', 'langues: [français, wolof, arabe]');
  await edit(REFERENT, 'Fatou est maman', 'Fatou est la maman');
  await commit('annulation', '2026-11-04T18:30:00+01:00', [
    'Annuler une permanence',
    'Modifié-par: Karim Exemple <karim@exemple.invalid>',
  ]);

  await git(['mv', REFERENT, RENOMME]);
  await commit('renommage', '2026-11-05T08:00:00+01:00', ['Renommer']);

  await git(['rm', '-q', RENOMME]);
  await commit('suppression', '2026-11-06T11:15:00+01:00', ['Supprimer', 'Modifié-par: Claire Exemple <claire@exemple.invalid>']);

  await edit(FORMULAIRE, 'conservation_jours: 365', 'conservation_jours: 180');
  await edit(FORMULAIRE, 'ouvert: true', 'ouvert: false');
  await commit('formulaire', '2026-11-07T10:00:00+01:00', ['Réglages du contact']);
});

afterAll(async () => {
  await rm(depot, { recursive: true, force: true });
});

describe('historique', () => {
  it('lists every version of the file, renames followed, newest first, each with who and what changed in French', async () => {
    const versions = await historique(depot, RENOMME);
    expect(versions.map((v) => v.commit)).toEqual(
      ['suppression', 'renommage', 'annulation', 'horaire', 'creation'].map((n) => commits[n]),
    );
    expect(versions.map((v) => v.auteur)).toEqual([
      'Claire Exemple',
      'Serveur de la Fabrique',
      'Karim Exemple',
      'Claire Exemple',
      'Serveur de la Fabrique',
    ]);
    expect(versions.map((v) => v.changements)).toEqual([
      ['Fiche supprimée'],
      ['Fiche renommée : le-blosne-1 → le-blosne-3'],
      [
        'Langues parlées : français, wolof → français, wolof, arabe',
        'Nouveau : Dates annulées n° 1 (Permanences n° 1)',
        'Texte de la page modifié',
      ],
      ['Horaire (Permanences n° 1) : 14:00-17:00 → 14:00-18:00'],
      ['Fiche créée'],
    ]);
    expect(versions.map((v) => v.chemin)).toEqual([RENOMME, RENOMME, REFERENT, REFERENT, REFERENT]);
    // The signature line is who, not part of the message; the date is the commit's, ISO.
    expect(versions[3]!.message).toBe('Mettre à jour « le-blosne-1 »');
    expect(new Date(versions[3]!.date).toISOString()).toBe('2026-11-02T08:05:00.000Z');
  });

  it('names form settings by their titles, values as an editor reads them', async () => {
    const [latest, ...rest] = await historique(depot, FORMULAIRE);
    expect(latest!.changements).toEqual(['Formulaire ouvert : oui → non', 'Durée de conservation (jours) : 365 → 180']);
    expect(rest.map((v) => v.changements)).toEqual([['Fiche créée']]);
  });

  it('changes of values inside a list item, of dates, and of fields without a title', () => {
    const avant =
      '---\nquartier: centre\nverifie_le: 2026-11-01\npermanences:\n  - jour: lundi\n    annulations:\n      - date: 2026-12-07\n        raison: "fermé"\n---\nTexte\n';
    const apres =
      '---\nquartier: centre\nverifie_le: 2026-12-01\nnouveau_champ: oui\npermanences:\n  - jour: lundi\n    annulations: []\n---\nTexte\n';
    expect(changements('content/referents/centre-1.md', avant, apres)).toEqual([
      'Vérifié le : 1er novembre 2026 → 1er décembre 2026',
      'nouveau_champ : (vide) → oui',
      'Retiré : Dates annulées n° 1 (Permanences n° 1)',
    ]);
    // Outside the collections (no schema): the fields' own names.
    expect(changements('content/inconnu/a.yaml', 'a: 1\n', 'a: 2\n')).toEqual(['a : 1 → 2']);
    // Only the layout changed.
    expect(changements('content/inconnu/a.yaml', 'a: 1\n', 'a:   1\n')).toEqual([
      'Mise en forme du fichier modifiée, sans changement de contenu',
    ]);
  });

  it('is empty for a file that never existed, and refuses a path outside content/', async () => {
    expect(await historique(depot, 'content/referents/personne.md')).toEqual([]);
    for (const chemin of ['../etc/passwd', 'content/../package.json', 'src/pages/index.astro', 'content/referents/-x.md/..'])
      await expect(historique(depot, chemin)).rejects.toBeInstanceOf(DemandeRefusee);
    await expect(historique(depot, RENOMME, '--all')).rejects.toBeInstanceOf(DemandeRefusee);
  });
});

describe('versionDu', () => {
  it('gives the file as it was at a version, under the path it had then, by full or short hash', async () => {
    const horaire = await versionDu(depot, RENOMME, commits.horaire!);
    expect(horaire).toContain('creneau: "14:00-18:00"');
    expect(horaire).not.toContain('annulations');
    expect(await versionDu(depot, REFERENT, commits.creation!.slice(0, 7))).toBe(
      await readFile(path.join(root, REFERENT), 'utf8'),
    );
    expect(await versionDu(depot, RENOMME, commits.renommage!)).toContain('annulations');
  });

  it('gives nothing where the file is absent, and refuses what is not a version or a file of content/', async () => {
    expect(await versionDu(depot, RENOMME, commits.suppression!)).toBeUndefined();
    expect(await versionDu(depot, RENOMME, commits.formulaire!)).toBeUndefined();
    expect(await versionDu(depot, RENOMME, 'abcdef0123456')).toBeUndefined();
    for (const commit of ['HEAD', 'main', '--output=/tmp/x', 'abc', `${commits.horaire!}0`, 'abcdefg'])
      await expect(versionDu(depot, RENOMME, commit)).rejects.toThrow(/n’est pas une version connue/);
    for (const chemin of ['content/../package.json', '/etc/passwd', 'functions/app.ts'])
      await expect(versionDu(depot, chemin, commits.horaire!)).rejects.toThrow(/n’est pas un fichier de content/);
  });
});

describe('historiquePage', () => {
  // The built pages' rules, but the server's templates are Prettier's: void elements closed (`<meta />`, as in
  // functions/equipe/layout.ts), and spaces left where an optional part of the template is empty.
  const validator = new HtmlValidate({
    ...htmlValidateConfig,
    rules: { ...htmlValidateConfig.rules, 'void-style': ['error', { style: 'selfclosing' }], 'no-trailing-whitespace': 'off' },
  });
  const problems = async (page: string) =>
    (await validator.validateString(page, 'historique.html')).results.flatMap((r) =>
      r.messages.map((m) => `${m.ruleId} ligne ${m.line} : ${m.message}`),
    );

  it('is a valid French page: each version day first in Rennes time, who, what changed; a restore form for each older one', async () => {
    const versions = await historique(depot, RENOMME);
    // The file as it stood before its deletion: the deletion itself is the newest version, the others can be restored.
    const page = historiquePage(RENOMME, 'Fatou S. (Le Blosne)', versions);
    expect(await problems(page)).toEqual([]);
    expect(page).toContain('<html lang="fr">');
    expect(page).toMatch(/<main[^>]*>\s*<h1>Historique : Fatou S\. \(Le Blosne\)<\/h1>/);
    expect(page).toContain('2 novembre 2026 à 9 h 05</time>, par Claire Exemple');
    expect(page).toContain('1er novembre 2026 à 10 h</time>, par Serveur de la Fabrique');
    expect(page).toContain('<li>Horaire (Permanences n° 1) : 14:00-17:00 → 14:00-18:00</li>');
    expect(page).toContain('crée un brouillon');
    expect(page).not.toMatch(/<script/i);
    const forms = [...page.matchAll(/<form method="post" action="\/admin\/historique\/restaurer">([\s\S]*?)<\/form>/g)];
    // The deletion has nothing to restore; the four versions before it do.
    expect(forms).toHaveLength(4);
    expect(forms.map((f) => /name="commit" value="([0-9a-f]+)"/.exec(f[1]!)?.[1])).toEqual(
      ['renommage', 'annulation', 'horaire', 'creation'].map((n) => commits[n]),
    );
    for (const [, form] of forms) {
      expect(form).toContain(`<input type="hidden" name="chemin" value="${RENOMME}" />`);
      expect(form).toContain('Restaurer cette version</button>');
    }
  });

  it('says the newest version is the one online and offers no restore of it; escapes everything', async () => {
    const versions: Version[] = [
      {
        commit: 'a'.repeat(40),
        date: '2026-07-01T08:00:00Z',
        auteur: '<script>alert(1)</script>',
        message: '',
        chemin: 'content/pages/a.md',
        changements: ['Titre : <b>avant</b> → "après" & co'],
      },
      { ...(await historique(depot, FORMULAIRE))[1]!, date: '2026-06-30T22:30:00Z' },
    ];
    const page = historiquePage('content/pages/a.md" onclick="x', '<i>Titre</i>', versions);
    expect(await problems(page)).toEqual([]);
    expect(page).toContain('C’est la version publiée aujourd’hui.');
    expect(page).toContain('1er juillet 2026 à 10 h</time>, par &lt;script&gt;alert(1)&lt;/script&gt;');
    // 22:30 UTC on 30 June is 00:30 on 1 July in Rennes (summer time).
    expect(page).toContain('1er juillet 2026 à 0 h 30</time>');
    expect(page).toContain('Titre : &lt;b&gt;avant&lt;/b&gt; → &quot;après&quot; &amp; co');
    expect(page).toContain('Historique : &lt;i&gt;Titre&lt;/i&gt;');
    expect(page).toContain('value="content/pages/a.md&quot; onclick=&quot;x"');
    expect(page).not.toContain('<script>');
    expect(page.match(/Restaurer cette version<\/button>/g)).toHaveLength(1);
  });

  it('says so when there is no version', async () => {
    const page = historiquePage('content/pages/rien.md', 'Rien', []);
    expect(await problems(page)).toEqual([]);
    expect(page).toContain('Aucune version enregistrée pour cette fiche.');
  });
});

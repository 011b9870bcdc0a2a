/**
 * Publications set for a day (functions/editeur/programmation.ts) on a real git repository with Decap's workflow
 * branches (`cms/<collection>/<slug>`, their state in `branch.<branch>.description`): only an entry due and « prête à
 * publier » is published, by the same callback as a reviewer's « Publier » (here a real `git merge`); and the page.
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { HtmlValidate } from 'html-validate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { htmlValidateConfig } from '../../.config/html-validate.ts';
import {
  aPublier,
  dateDeSaisie,
  deprogrammer,
  entreesDuFlux,
  programmees,
  programmer,
  ProgrammationRefusee,
  publierLesProgrammees,
  saisieDeDate,
  statutDuLibelle,
} from '../../functions/editeur/programmation.ts';
import { programmationPage } from '../../functions/editeur/programmation-page.ts';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const REFERENT = 'content/referents/le-blosne-1.md';
/** Decap's label of each state (decap-cms-lib-util statusToLabel, default prefix). */
const LABEL = {
  draft: 'decap-cms/draft',
  pending_review: 'decap-cms/pending_review',
  pending_publish: 'decap-cms/pending_publish',
};

const PASSE = new Date('2026-12-04T08:00:00Z');
const MAINTENANT = new Date('2026-12-04T09:00:00Z');
const FUTUR = new Date('2026-12-10T08:00:00Z');

let depot: string;

const git = async (args: string[]) => (await run('git', ['-C', depot, ...args])).stdout.trim();

/** An entry in progress as Decap's editorial workflow leaves it: a branch off main with one commit, and its state. */
async function entree(slug: string, statut: keyof typeof LABEL, creneau: string) {
  const branche = `cms/referents/${slug}`;
  await git(['checkout', '-q', '-b', branche, 'main']);
  const file = path.join(depot, `content/referents/${slug}.md`);
  await writeFile(file, (await readFile(path.join(root, REFERENT), 'utf8')).replace('14:00-17:00', creneau));
  await git(['add', '-A']);
  await git(['commit', '-q', '-m', `Créer « ${slug} »`, '-m', 'Modifié-par: Claire Exemple <claire@exemple.invalid>']);
  await git(['checkout', '-q', 'main']);
  await git(['config', `branch.${branche}.description`, LABEL[statut]]);
  return branche;
}

/** A reviewer's « Publier » as decap-server does it: merge the branch into main, delete it. */
const publier = async (collection: string, slug: string) => {
  await git(['merge', '-q', '--no-ff', '-m', `Publier ${collection}/${slug}`, `cms/${collection}/${slug}`]);
  await git(['branch', '-q', '-D', `cms/${collection}/${slug}`]);
};

beforeAll(async () => {
  depot = await mkdtemp(path.join(tmpdir(), 'fabrique-programmation-'));
  await run('git', ['init', '-q', '-b', 'main', depot]);
  await git(['config', 'user.name', 'Serveur de la Fabrique']);
  await git(['config', 'user.email', 'serveur@exemple.invalid']);
  await git(['config', 'commit.gpgsign', 'false']);
  await mkdir(path.join(depot, 'content/referents'), { recursive: true });
  await copyFile(path.join(root, REFERENT), path.join(depot, REFERENT));
  await git(['add', '-A']);
  await git(['commit', '-q', '-m', 'Contenu de départ']);
  await entree('prete', 'pending_publish', '09:00-12:00');
  await entree('brouillon', 'draft', '10:00-12:00');
  await entree('plus-tard', 'pending_publish', '13:00-15:00');
  await entree('en-relecture', 'pending_review', '15:00-17:00');
});

afterAll(async () => {
  await rm(depot, { recursive: true, force: true });
});

describe('programmation', () => {
  it('reads Decap’s labels', () => {
    expect(statutDuLibelle('decap-cms/pending_publish\n')).toBe('pending_publish');
    expect(statutDuLibelle('decap-cms/draft')).toBe('draft');
    expect(statutDuLibelle('autre/draft')).toBeUndefined();
    expect(statutDuLibelle('decap-cms/inconnu')).toBeUndefined();
    expect(statutDuLibelle(undefined)).toBeUndefined();
  });

  it('refuses what is not an entry in progress, or a date that is not one, and changes nothing', async () => {
    await expect(programmer(depot, 'main', PASSE)).rejects.toBeInstanceOf(ProgrammationRefusee);
    await expect(programmer(depot, 'cms/referents/absente', PASSE)).rejects.toThrow(/n’existe plus/);
    await expect(programmer(depot, 'cms/referents/../../main', PASSE)).rejects.toBeInstanceOf(ProgrammationRefusee);
    await expect(programmer(depot, '--global', PASSE)).rejects.toBeInstanceOf(ProgrammationRefusee);
    await expect(programmer(depot, 'cms/referents/prete', new Date('demain'))).rejects.toThrow(
      /date de publication est illisible/,
    );
    await expect(deprogrammer(depot, 'main')).rejects.toBeInstanceOf(ProgrammationRefusee);
    expect(await programmees(depot)).toEqual([]);
  });

  it('publishes, at its date, only an entry that is ready; a draft, a later one and a failed one wait', async () => {
    await programmer(depot, 'cms/referents/plus-tard', FUTUR);
    await programmer(depot, 'cms/referents/prete', new Date('2026-12-01T08:00:00Z'));
    // Moved: the last date set is the one kept.
    await programmer(depot, 'cms/referents/prete', PASSE);
    await programmer(depot, 'cms/referents/brouillon', PASSE);
    await programmer(depot, 'cms/referents/en-relecture', PASSE);

    expect(await programmees(depot)).toEqual([
      { branche: 'cms/referents/brouillon', collection: 'referents', slug: 'brouillon', quand: PASSE },
      { branche: 'cms/referents/en-relecture', collection: 'referents', slug: 'en-relecture', quand: PASSE },
      { branche: 'cms/referents/prete', collection: 'referents', slug: 'prete', quand: PASSE },
      { branche: 'cms/referents/plus-tard', collection: 'referents', slug: 'plus-tard', quand: FUTUR },
    ]);
    expect((await aPublier(depot, MAINTENANT)).map((e) => e.branche)).toEqual(['cms/referents/prete']);
    // Just before its date, nothing is due.
    expect(await aPublier(depot, new Date(PASSE.getTime() - 1))).toEqual([]);

    // A publication that fails keeps its date: tried again next time.
    const failures: string[] = [];
    const failing = async () => {
      throw new Error('fusion impossible');
    };
    expect(await publierLesProgrammees(depot, MAINTENANT, failing, (b) => failures.push(b))).toEqual([]);
    expect(failures).toEqual(['cms/referents/prete']);
    expect((await aPublier(depot, MAINTENANT)).map((e) => e.branche)).toEqual(['cms/referents/prete']);

    expect(await publierLesProgrammees(depot, MAINTENANT, publier)).toEqual(['cms/referents/prete']);
    expect(await readFile(path.join(depot, 'content/referents/prete.md'), 'utf8')).toContain('09:00-12:00');
    expect(await git(['log', '-1', '--format=%s', 'main'])).toBe('Publier referents/prete');
    expect(await git(['branch', '--list', 'cms/*', '--format=%(refname:short)'])).toBe(
      ['cms/referents/brouillon', 'cms/referents/en-relecture', 'cms/referents/plus-tard'].join('\n'),
    );
    // Published once: the next run finds nothing due; the draft and the later one are still set.
    expect(await publierLesProgrammees(depot, MAINTENANT, publier)).toEqual([]);
    expect((await programmees(depot)).map((e) => e.slug)).toEqual(['brouillon', 'en-relecture', 'plus-tard']);

    // The later one, on its day, once ready.
    expect(await publierLesProgrammees(depot, FUTUR, publier)).toEqual(['cms/referents/plus-tard']);
    expect(await readFile(path.join(depot, 'content/referents/plus-tard.md'), 'utf8')).toContain('13:00-15:00');

    // A reviewer approves the draft: published on the next run, its date being past.
    await git(['config', 'branch.cms/referents/brouillon.description', LABEL.pending_publish]);
    expect(await publierLesProgrammees(depot, FUTUR, publier)).toEqual(['cms/referents/brouillon']);
    expect((await programmees(depot)).map((e) => e.slug)).toEqual(['en-relecture']);
  });

  it('forgets a date on request, and twice is no error', async () => {
    await deprogrammer(depot, 'cms/referents/en-relecture');
    await deprogrammer(depot, 'cms/referents/en-relecture');
    expect(await programmees(depot)).toEqual([]);
    expect(await entreesDuFlux(depot)).toEqual([
      {
        branche: 'cms/referents/en-relecture',
        collection: 'referents',
        slug: 'en-relecture',
        statut: 'pending_review',
        quand: undefined,
      },
    ]);
  });
});

describe('dates typed in the page', () => {
  it('reads and writes `datetime-local` values as Rennes’s time, winter and summer', () => {
    expect(dateDeSaisie('2026-12-10T09:00')).toEqual(new Date('2026-12-10T08:00:00Z'));
    expect(dateDeSaisie('2026-07-01T09:30')).toEqual(new Date('2026-07-01T07:30:00Z'));
    expect(saisieDeDate(new Date('2026-12-10T08:00:00Z'))).toBe('2026-12-10T09:00');
    expect(saisieDeDate(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01T00:30');
    // 02:30 on 29 March 2026 does not exist in Rennes (clocks go from 2:00 to 3:00).
    for (const wrong of ['', 'demain', '2026-12-10', '10/12/2026 09:00', '2026-03-29T02:30'])
      expect(dateDeSaisie(wrong)).toBeUndefined();
  });
});

describe('programmationPage', () => {
  // The built pages' rules, with the server templates' Prettier style (see editeur-historique.test.ts).
  const validator = new HtmlValidate({
    ...htmlValidateConfig,
    rules: { ...htmlValidateConfig.rules, 'void-style': ['error', { style: 'selfclosing' }], 'no-trailing-whitespace': 'off' },
  });
  const problems = async (page: string) =>
    (await validator.validateString(page, 'programmation.html')).results.flatMap((r) =>
      r.messages.map((m) => `${m.ruleId} ligne ${m.line} : ${m.message}`),
    );

  it('lists each entry in progress with its state in French, its date day first, and the forms; valid, no script', async () => {
    const page = programmationPage(
      [
        { branche: 'cms/referents/a', collection: 'referents', slug: 'a', statut: 'draft', quand: FUTUR },
        {
          branche: 'cms/formations/b',
          collection: 'formations',
          slug: 'b',
          statut: 'pending_publish',
          quand: new Date('2026-12-01T07:00:00Z'),
          titre: 'Session de décembre',
          collectionLibelle: 'Formations',
        },
        { branche: 'cms/pages/c', collection: 'pages', slug: 'c', statut: 'pending_review' },
      ],
      { confirmations: ['La publication est programmée.'], erreurs: ['<b>Date illisible</b>'] },
    );
    expect(await problems(page)).toEqual([]);
    expect(page).toContain('<html lang="fr">');
    expect(page).toMatch(/<h1>Publications programmées<\/h1>/);
    expect(page).not.toMatch(/<script/i);
    for (const etat of ['Brouillon', 'Prête à publier', 'En relecture'])
      expect(page).toContain(`État : <strong>${etat}</strong>`);
    expect(page).toContain(
      'le <time datetime="2026-12-10T08:00:00.000Z">10 décembre 2026 à 9 h</time> : elle n’aura lieu que si',
    );
    expect(page).toContain('le <time datetime="2026-12-01T07:00:00.000Z">1er décembre 2026 à 8 h</time>.');
    expect(page).toContain('Session de décembre (Formations)');
    expect(page).toContain('Pas de publication programmée.');
    const text = page.replace(/\s+/g, ' ');
    expect(text).toContain('le serveur la publie seul, mais seulement si elle est « Prête à publier »');
    expect(text).toContain('une personne qui relit doit l’avoir approuvée avant');
    expect(page.match(/<form method="post" action="\/admin\/programmation">/g)).toHaveLength(3);
    expect(page.match(/type="datetime-local"/g)).toHaveLength(3);
    expect(page).toContain('value="2026-12-10T09:00"');
    expect(page.match(/>Programmer<\/button>/g)).toHaveLength(3);
    // Only the two with a date can lose it.
    expect(page.match(/>Annuler la programmation<\/button>/g)).toHaveLength(2);
    expect(page).toContain('role="alert"');
    expect(page).toContain('&lt;b&gt;Date illisible&lt;/b&gt;');
    expect(page).toContain('La publication est programmée.');
  });

  it('says so when nothing is in progress', async () => {
    const page = programmationPage([]);
    expect(await problems(page)).toEqual([]);
    expect(page).toContain('Aucune fiche en cours dans l’éditeur.');
    expect(page).not.toContain('role="alert"');
  });
});

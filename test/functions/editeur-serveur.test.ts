/**
 * The editor on the project's own server (issue 22, items 3 to 5), without a browser: a real build folder (a git
 * repository with content/), the content repository the server clones from it, decap-server's own git middleware,
 * the inbox's people in a real SQLite file. Who may do what, a draft through review to publication, every commit
 * naming the person, the history and « Restaurer cette version » (a draft), publications set for a day, and a
 * content mistake stopped before the public site changes, with the French reason the editor reads.
 * The whole chain down to the rebuilt public pages runs in Chromium (test/e2e/editeur.test.ts, test:complet).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { equipeDeps } from '../../functions/equipe/mount.ts';
import type { EquipeDeps } from '../../functions/equipe/deps.ts';
import { passage } from '../../functions/editeur/entree.ts';
import { startEditeur, type Editeur } from '../../functions/editeur/node.ts';
import { entreeDuFichier, fichierDeLEntree } from '../../functions/editeur/routes.ts';
import { loadFormSettings } from '../../src/lib/forms/load.ts';
import { content, NOW } from '../fixtures/forms-context.ts';
import { sqliteBackend, type TestBackend } from './harness-backends.ts';

const root = path.resolve(import.meta.dirname, '../..');
const EDITEUR = 'http://editeur.test';
const FICHE = 'content/referents/centre-1.md';

let dir: string;
let construction: string;
let depot: string;
let backend: TestBackend;
let deps: EquipeDeps;
let editeur: Editeur;
const cookies: Record<string, string> = {};
const now = NOW;

const git = (repo: string, ...args: string[]) => execFileSync('git', ['-C', repo, ...args], { encoding: 'utf8' }).trim();
const original = readFileSync(path.join(root, FICHE), 'utf8');

async function person(id: string, name: string, role: 'membre' | 'administrateur', teams: string[]) {
  await deps.equipe.addStaff({
    id,
    name,
    email: `${id}@exemple.invalid`,
    role,
    teams,
    quartiers: [],
    createdAt: NOW.toISOString(),
  });
}

/** Through the inbox's one-time pass, as /equipe/editeur gives it: the editor's session cookie. */
async function signIn(id: string): Promise<string> {
  const res = await editeur.app.request(`${EDITEUR}/admin/entree?jeton=${await passage(deps, id)}`);
  expect(res.status).toBe(303);
  expect(res.headers.get('location')).toBe('/admin/');
  return `editeur=${/editeur=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')![1]}`;
}

const api = async (who: string, body: object) => {
  const res = await editeur.app.request(`${EDITEUR}/admin/api/v1`, {
    method: 'POST',
    headers: { cookie: cookies[who]!, origin: EDITEUR, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as { error?: string } & Record<string, unknown> };
};

const brouillon = (raw: string, message: string) => ({
  action: 'persistEntry',
  params: {
    branch: 'main',
    entry: { slug: 'centre-1', path: FICHE, raw },
    assets: [],
    options: { collectionName: 'referents', commitMessage: message, useWorkflow: true, status: 'draft' },
  },
});
/** A save straight to the site, without the workflow (a reviewer's right). */
const enLigne = (raw: string, message: string) => {
  const save = brouillon(raw, message);
  return { ...save, params: { ...save.params, options: { ...save.params.options, useWorkflow: false } } };
};
const statut = (newStatus: string) => ({
  action: 'updateUnpublishedEntryStatus',
  params: { branch: 'main', collection: 'referents', slug: 'centre-1', newStatus },
});
const publier = { action: 'publishUnpublishedEntry', params: { branch: 'main', collection: 'referents', slug: 'centre-1' } };

const form = (who: string, url: string, fields: Record<string, string>) =>
  editeur.app.request(`${EDITEUR}${url}`, {
    method: 'POST',
    headers: { cookie: cookies[who]!, origin: EDITEUR, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
const page = async (who: string, url: string) =>
  (await (await editeur.app.request(`${EDITEUR}${url}`, { headers: { cookie: cookies[who]! } })).text()).replace(/\s+/g, ' ');

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'fabrique-editeur-'));
  construction = path.join(dir, 'construction');
  depot = path.join(dir, 'edition');
  cpSync(path.join(root, 'content'), path.join(construction, 'content'), { recursive: true });
  cpSync(path.join(root, 'package.json'), path.join(construction, 'package.json'));
  symlinkSync(path.join(root, 'node_modules'), path.join(construction, 'node_modules'));
  git(construction, 'init', '-q', '-b', 'main');
  git(construction, 'config', 'user.email', 'exploitant@exemple.invalid');
  git(construction, 'config', 'user.name', 'Exploitant');
  git(construction, 'add', 'content', 'package.json');
  git(construction, 'commit', '-q', '-m', 'Site');
  backend = sqliteBackend();
  deps = equipeDeps({
    store: backend.store,
    clock: { now: () => now },
    config: {
      origins: ['http://site.test'],
      settings: await loadFormSettings(path.join(root, 'content')),
      content,
      rateLimit: { max: 1000, windowMs: 60_000 },
      clientHashSalt: 'sel',
    },
    clientAddress: () => '203.0.113.7',
  })!;
  editeur = await startEditeur({
    reglages: { origine: () => EDITEUR, construction, depot },
    deps,
    sitePublic: () => 'http://site.test',
    dist: path.join(root, 'dist'),
    today: () => '2026-12-04',
  });
  await person('rita', 'Rita Rédaction', 'membre', ['redaction']);
  await person('rene', 'René Relecture', 'membre', ['relecture']);
  await person('awa', 'Awa Admin', 'administrateur', []);
  await person('bob', 'Bob Accueil', 'membre', ['accueil']);
  for (const id of ['rita', 'rene', 'awa']) cookies[id] = await signIn(id);
}, 60_000);

afterAll(async () => {
  await editeur?.close();
  await backend?.close(false);
  rmSync(dir, { recursive: true, force: true });
});

describe('signing in to the editor', () => {
  it('comes through the inbox’s one-time pass; a pass serves once; no right, no editor', async () => {
    const pass = await passage(deps, 'rita');
    expect((await editeur.app.request(`${EDITEUR}/admin/entree?jeton=${pass}`)).status).toBe(303);
    const again = await editeur.app.request(`${EDITEUR}/admin/entree?jeton=${pass}`);
    expect(again.headers.get('location')).toBe('http://site.test/equipe/editeur');
    expect(again.headers.get('set-cookie')).toBeNull();

    const anonymous = await editeur.app.request(`${EDITEUR}/admin/`, { headers: { accept: 'text/html' } });
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toBe('http://site.test/equipe/editeur');
    const bob = await signIn('bob');
    const refused = await editeur.app.request(`${EDITEUR}/admin/api/v1`, {
      method: 'POST',
      headers: { cookie: bob, origin: EDITEUR },
      body: JSON.stringify({ action: 'info' }),
    });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: string }).error).toContain('équipe « redaction » ou « relecture »');
  });

  it('refuses a post that does not come from the editor’s page', async () => {
    const res = await editeur.app.request(`${EDITEUR}/admin/api/v1`, {
      method: 'POST',
      headers: { cookie: cookies.rita!, origin: 'http://site.test', 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'info' }),
    });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: string }).error).toBe('Demande refusée : elle ne vient pas de l’éditeur du site.');
  });

  it('gives each person the configuration of their rights: the forms’ settings to administrators only', async () => {
    const rita = await page('rita', '/admin/config.yml');
    expect(rita).toContain('proxy_url: /admin/api/v1');
    expect(rita).toContain('publish_mode: editorial_workflow');
    expect(rita).not.toContain('content/formulaires/');
    expect(await page('awa', '/admin/config.yml')).toContain('content/formulaires/');
  });
});

describe('a draft, its review and its publication', () => {
  const change = original.replace('creneau: "14:00-17:00"', 'creneau: "14:00-18:00"');

  it('an editor writes a draft and sends it to review, but may neither approve nor publish', async () => {
    const direct = await api('rita', enLigne(change, 'x'));
    expect(direct.status).toBe(403);
    expect(direct.json.error).toContain('Seule une personne de l’équipe « relecture »');

    expect((await api('rita', brouillon(change, 'Mettre à jour « centre-1 »'))).status).toBe(200);
    const branche = 'cms/referents/centre-1';
    expect(git(depot, 'log', '-1', '--format=%B', branche)).toContain('Modifié-par: Rita Rédaction <rita@exemple.invalid>');
    // main is untouched: the public site is not.
    expect(git(depot, 'show', `main:${FICHE}`)).toBe(original.trim());
    expect((await api('rita', statut('pending_review'))).status).toBe(200);
    expect((await api('rita', statut('pending_publish'))).status).toBe(403);
    expect((await api('rita', publier)).status).toBe(403);
    const unpublished = await api('rita', { action: 'unpublishedEntries', params: { branch: 'main' } });
    expect(JSON.stringify(unpublished.json)).toContain('centre-1');
  });

  it('only an administrator changes a form’s settings', async () => {
    const settings = 'content/formulaires/contact.yaml';
    const raw = readFileSync(path.join(construction, settings), 'utf8');
    const save = {
      action: 'persistEntry',
      params: {
        branch: 'main',
        entry: { slug: 'contact', path: settings, raw },
        assets: [],
        options: { collectionName: 'formulaires', commitMessage: 'Réglages', useWorkflow: true, status: 'draft' },
      },
    };
    for (const who of ['rita', 'rene']) {
      const res = await api(who, save);
      expect(res.status).toBe(403);
      expect(res.json.error).toContain('ne sont modifiables que par un administrateur');
    }
  });

  it('a reviewer approves and publishes: main changes, the build folder follows, the journal names them', async () => {
    expect((await api('rene', statut('pending_publish'))).status).toBe(200);
    expect((await api('rene', publier)).status).toBe(200);
    expect(git(depot, 'show', `main:${FICHE}`)).toContain('creneau: "14:00-18:00"');
    expect(editeur.publication.courant.etat).toBe('en-cours');
    expect(editeur.publication.courant.prevu).toBeDefined();
    await editeur.publication.termine();
    // The build folder took the change (a fast-forward); its rebuild is test/e2e/editeur.test.ts's.
    expect(readFileSync(path.join(construction, FICHE), 'utf8')).toContain('creneau: "14:00-18:00"');
    const journal = await deps.equipe.auditLog(20);
    expect(journal.filter((e) => e.action === 'edition').map((e) => [e.staffId, e.detail])).toEqual(
      expect.arrayContaining([
        ['rita', 'persistEntry'],
        ['rene', 'publishUnpublishedEntry'],
      ]),
    );
  });

  it('a content mistake that reaches publication stops before the public site, with the French reason', async () => {
    const wrong = original.replace('creneau: "14:00-17:00"', 'creneau: "14h-25h"');
    // Decap's own check is in the browser (src/admin/verifier.ts); a request that skips it still cannot break the site.
    expect((await api('rene', enLigne(wrong, 'Mettre à jour « centre-1 »'))).status).toBe(200);
    await editeur.publication.termine();
    const etat = editeur.publication.courant;
    expect(etat.etat).toBe('erreur');
    expect(etat.message).toContain('le site public n’a pas changé');
    expect(etat.message).toContain('referents/centre-1.md');
    const res = await editeur.app.request(`${EDITEUR}/admin/publication`, { headers: { cookie: cookies.rita! } });
    expect(((await res.json()) as { etat: string }).etat).toBe('erreur');
  });
});

describe('history and undo', () => {
  it('lists who changed what, in French, and restores an old version as a draft for review', async () => {
    const history = await page('rita', `/admin/historique?collection=referents&slug=centre-1`);
    // Who wrote each version: the reviewer's publication is in the journal (above).
    expect(history).toContain('par René Relecture');
    expect(history).toContain('par Rita Rédaction');
    expect(history).toContain('Horaire (Permanences n° 1) : 14:00-17:00 → 14:00-18:00');
    expect(history).toContain('Restaurer cette version');
    const first = git(depot, 'log', '--format=%H', '--reverse', '--', FICHE).split('\n')[0]!;
    const res = await form('rita', '/admin/historique/restaurer', { chemin: FICHE, commit: first });
    expect(res.status).toBe(200);
    expect((await res.text()).replace(/\s+/g, ' ')).toContain('est maintenant un brouillon');
    expect(git(depot, 'show', `cms/referents/centre-1:${FICHE}`)).toBe(original.trim());
    expect(git(depot, 'show', `main:${FICHE}`)).toContain('14h-25h');
    expect(git(depot, 'config', '--get', 'branch.cms/referents/centre-1.description')).toBe('decap-cms/draft');

    const unknown = await form('rita', '/admin/historique/restaurer', { chemin: FICHE, commit: 'zzz' });
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain('n’est pas une version connue');
  });

  it('sets a publication for a day and refuses a past date (editeur-programmation.test.ts publishes it when due)', async () => {
    const branche = 'cms/referents/centre-1';
    const past = await form('rita', '/admin/programmation', { branche, quand: '2027-01-01T09:00', action: 'programmer' });
    expect(past.status).toBe(400);
    expect(await past.text()).toContain('Cette date est passée');
    const set = await form('rita', '/admin/programmation', { branche, quand: '2027-01-20T09:00', action: 'programmer' });
    expect((await set.text()).replace(/\s+/g, ' ')).toContain('La publication est programmée.');
    expect(await page('rita', '/admin/programmation')).toContain('20 janvier 2027 à 9 h');
  });
});

describe('the names of entries', () => {
  it('goes from a file to Decap’s entry and back', () => {
    for (const file of [
      FICHE,
      'content/traductions/prs/aide.md',
      'content/formulaires/contact.yaml',
      'content/lieux/centre-espace-social.md',
    ]) {
      const e = entreeDuFichier(file)!;
      expect(fichierDeLEntree(e.collection, e.slug)).toBe(file);
    }
    expect(entreeDuFichier('content/../etc/passwd')).toBeUndefined();
  });
});

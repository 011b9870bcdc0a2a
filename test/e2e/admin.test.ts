/**
 * /admin/ end to end, as a new editor would use it: decap-server (local backend) on a temporary copy
 * of the project, the copy's own build served by the Node server, Chromium. The editor is stopped before saving a
 * referent « en poste » without a first name and before deleting a place a referent names (the build's own check,
 * POST /admin/verifier), adds a referent with a permanence, adds a session to a training, changes a form's recipients and marks a translation proofread;
 * the files appear on disk as an editor would write them, the content check passes and the rebuilt pages show the
 * changes.
 */
import type { ChildProcess } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import type { RunningServer } from '../../functions/node.ts';
import { buildCopy, checkContentCopy, freePort, projectCopy, startDecapServer, supprimerRefuse } from './admin-helpers.ts';
import { launchBrowser, startSite } from './browser.ts';

let copy: Awaited<ReturnType<typeof projectCopy>>;
let decap: ChildProcess;
let site: RunningServer;
let browser: Browser;
let page: Page;
let decapOrigin: string;
const outside: string[] = [];
let liveLink: string | null = null;

beforeAll(async () => {
  copy = await projectCopy();
  const port = await freePort();
  decapOrigin = `http://127.0.0.1:${port}`;
  decap = await startDecapServer(copy.dir, port);
  // The site's own address, as in production (SITE_URL), so « Voir en direct » leads to this server.
  const sitePort = await freePort();
  await buildCopy(copy.dir, {
    FABRIQUE_ADMIN_LOCAL_BACKEND: `${decapOrigin}/api/v1`,
    SITE_URL: `http://127.0.0.1:${sitePort}`,
  });
  process.env.FABRIQUE_ADMIN_CONNECT = decapOrigin;
  // The copy's content too: the editor's check before a save (POST /admin/verifier) reads what decap-server writes.
  site = await startSite({ distDir: path.join(copy.dir, 'dist'), contentDir: path.join(copy.dir, 'content'), port: sitePort });
  // The server compresses a static file once, at brotli's best level, on its first request: for the 5 MB editor
  // that takes up to 30 s on a busy 2-core machine (functions/node/compress.ts). Done here, so the tests time the
  // editor, not that first compression.
  await fetch(`${site.url}/admin/decap-cms.js`, { headers: { 'accept-encoding': 'br' } }).then((r) => r.arrayBuffer());
  browser = await launchBrowser();
  page = await browser.newPage();
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(site.url) && !url.startsWith(decapOrigin) && !url.startsWith('data:') && !url.startsWith('blob:'))
      outside.push(url);
  });
}, 180_000);

afterAll(async () => {
  delete process.env.FABRIQUE_ADMIN_CONNECT;
  await browser?.close();
  await site?.close();
  decap?.kill();
  await copy?.remove();
});

/** A field by its French label (Decap adds « (optionnel) » to optional ones); the last one when a list repeats it. */
const field = (label: string) => page.getByLabel(new RegExp(`^${label}( \\(optionnel\\))?$`, 'i')).last();

/** A choice in a select or relation widget: type, then pick the option shown. */
async function choose(label: string, typed: string, option: RegExp) {
  await field(label).fill(typed);
  await page.getByRole('option', { name: option }).first().click();
}

/** A fresh load of an editor screen (moving between entries by address alone keeps the previous form). */
async function open(hash: string) {
  await page.goto(`${site.url}/admin/${hash}`);
  await page.reload();
}

async function publish() {
  await page.getByRole('button', { name: 'Publier' }).click();
  await page.getByText('Publier maintenant').click();
  await page.getByText('Fiche enregistrée', { exact: false }).waitFor();
}

const read = (file: string) => readFile(path.join(copy.dir, file), 'utf8');

describe('/admin/, the editors’ CMS', () => {
  it('opens in French with the site’s own files only, under its own CSP', async () => {
    const response = await page.goto(`${site.url}/admin/`);
    const adminCsp = response!.headers()['content-security-policy']!;
    expect(adminCsp).toContain("script-src 'self' 'unsafe-eval'");
    const home = await fetch(`${site.url}/`);
    const publicCsp = home.headers.get('content-security-policy')!;
    expect(publicCsp).not.toContain("'unsafe-eval'");
    expect(publicCsp).not.toContain("'unsafe-inline'");
    expect(publicCsp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    await page.getByRole('button', { name: /Se connecter/ }).click();
    await page.getByRole('link', { name: 'Référents handicap et inclusion' }).waitFor();
  }, 60_000);

  it('adds a referent with a permanence', async () => {
    await open('#/collections/referents/new');
    await choose('Quartier', 'Sud', /^Sud-Gare$/);
    await choose('Statut', 'en-poste', /^en-poste$/);
    await field('Prénom').fill('Camille T.');
    await choose('Profil', 'adulte', /adulte/);
    await page.getByRole('button', { name: 'Ajouter permanence' }).click();
    await choose('Lieu', 'Sud', /Sud-Gare/);
    await choose('Jour', 'jeudi', /^jeudi$/);
    await field('Horaire').fill('14:00-17:00');
    await field('Comment venir').fill('sans rendez-vous');
    await field('Vérifié le').fill('2026-11-26');
    await field('Exemple inventé').click();
    await publish();

    expect(await readdir(path.join(copy.dir, 'content/referents'))).toContain('sud-gare-camille-t.md');
    const text = await read('content/referents/sud-gare-camille-t.md');
    const data = parseYaml(text.split('---')[1]!) as Record<string, unknown>;
    expect(Object.keys(data)).toEqual([
      'quartier',
      'statut',
      'prenom',
      'profil',
      'langues',
      'permanences',
      'verifie_le',
      'exemple',
    ]);
    expect(data.permanences).toEqual([
      { lieu: 'sud-gare-maison-de-quartier', jour: 'jeudi', creneau: '14:00-17:00', modalites: 'sans rendez-vous' },
    ]);
    expect(data.exemple).toBe(true);
    // Saved, then opened again: « Voir en direct » points to the page that will show the referent (checked after
    // the rebuild below). Decap shows it on an entry opened already saved, not just after creating one.
    await open('#/collections/referents/entries/sud-gare-camille-t');
    liveLink = await page.getByRole('link', { name: /Voir en direct/ }).getAttribute('href');
    expect(liveLink).toBe(`${site.url}/quartiers/sud-gare/`);
  }, 90_000);

  it('adds a session to a training', async () => {
    await open('#/collections/formations/entries/animer-loisirs-pour-tous');
    await page.getByRole('button', { name: 'Ajouter session' }).click();
    await field('Identifiant de la session').fill('2027-11-a');
    await field('Date').fill('2027-11-18');
    await field('Horaire').fill('09:30-12:30');
    await choose('Lieu', 'Poterie', /Poterie/);
    await field('Nombre de places').fill('12');
    await field('Places restantes').fill('12');
    await publish();

    const text = await read('content/formations/animer-loisirs-pour-tous.md');
    const data = parseYaml(text.split('---')[1]!) as { sessions: Record<string, unknown>[] };
    expect(data.sessions.at(-1)).toMatchObject({ id: '2027-11-a', date: '2027-11-18', creneau: '09:30-12:30', capacite: 12 });
  }, 90_000);

  it('changes a form’s recipients: one line of the file, its comments kept', async () => {
    const before = await read('content/formulaires/contact.yaml');
    await open('#/collections/formulaires/entries/contact');
    await field('Adresse e-mail').fill('accueil@fabrique-solidarites.example');
    await publish();
    const after = await read('content/formulaires/contact.yaml');
    const data = parseYaml(after) as { destinataires: string[] };
    expect(data.destinataires).toEqual(['accueil@fabrique-solidarites.example']);
    // Saved as written but for that value (src/admin/keep-format.ts): comments, order and quotes kept.
    const [b, a] = [before.split('\n'), after.split('\n')];
    expect(a.length).toBe(b.length);
    expect(b.filter((line, i) => line !== a[i])).toEqual([expect.stringContaining('@')]);
    expect(outside, 'no request to another site').toEqual([]);
  }, 90_000);

  it('marks a translation proofread, by the role of who proofread it, its text and numbers kept', async () => {
    const before = await read('content/traductions/ar/aide.md');
    await open('#/collections/traductions/entries/ar-aide');
    await choose('Brouillon ou relue', 'relue', /^relue$/);
    await field('Relue par').fill('médiatrice arabophone');
    await publish();
    const text = await read('content/traductions/ar/aide.md');
    const data = parseYaml(text.split('---')[1]!) as { traduction: Record<string, unknown> };
    expect(data.traduction).toEqual({ de: 'aide', statut: 'relue', relue_par: 'médiatrice arabophone' });
    // The body as written: the Arabic text and the dialable number, left to right.
    expect(text.split('---').slice(2).join('---').trim()).toBe(before.split('---').slice(2).join('---').trim());
  }, 90_000);

  it('passes the content check, and the rebuilt site shows the changes', async () => {
    const check = await checkContentCopy(copy.dir);
    expect(check.stdout).toContain('aucune erreur');
    await buildCopy(copy.dir);
    const quartier = await read('dist/quartiers/sud-gare/index.html');
    expect(quartier).toContain('Camille T.');
    await expect((await fetch(liveLink!)).text()).resolves.toContain('Camille T.');
    expect(quartier).toMatch(/jeudi/);
    // A proofread translation no longer says it is a draft.
    expect(await read('dist/ar/aide/index.html')).not.toContain('data-traduction="brouillon"');
    const formation = await read('dist/formations/animer-loisirs-pour-tous/index.html');
    expect(formation).toMatch(/<time datetime="2027-11-18">jeudi 18\snovembre\s2027<\/time>/);
  }, 180_000);
  // Last: the refused entry stays unsaved in the editor.
  it('refuses before a save what the build would refuse, in French, and writes nothing', async () => {
    const before = await readdir(path.join(copy.dir, 'content/referents'));
    await open('#/collections/referents/new');
    await choose('Quartier', 'Cleunay', /^Cleunay/);
    await choose('Statut', 'en-poste', /^en-poste$/);
    // « en poste » without a first name: the form lets it through (the field is optional for an open post).
    await choose('Profil', 'adulte', /adulte/);
    await page.getByRole('button', { name: 'Ajouter permanence' }).click();
    await choose('Lieu', 'Cleunay', /Cleunay/);
    await choose('Jour', 'lundi', /^lundi$/);
    await field('Horaire').fill('14:00-17:00');
    await field('Comment venir').fill('sans rendez-vous');
    await field('Vérifié le').fill('2026-11-26');
    await field('Exemple inventé').click();
    await page.getByRole('button', { name: 'Publier' }).click();
    await page.getByText('Publier maintenant').click();
    await page.getByText(/la fiche n’est pas enregistrée, à corriger d’abord/).waitFor();
    expect(await page.getByText(/champ « Prénom » : champ obligatoire manquant \(un référent en poste a un prénom/).count()).toBe(
      1,
    );
    expect(await readdir(path.join(copy.dir, 'content/referents'))).toEqual(before);
  }, 90_000);
  it('refuses to delete a place other entries name, listing them, and deletes nothing', async () => {
    await open('#/collections/lieux/entries/cleunay-espace-social');
    await supprimerRefuse(page);
    expect(
      await page
        .getByText(/content\/referents\/cleunay-arsenal-redon-1\.md, ligne \d+, champ « Permanences n° 1 › Lieu »/)
        .count(),
    ).toBe(1);
    expect(await readdir(path.join(copy.dir, 'content/lieux'))).toContain('cleunay-espace-social.md');
  }, 90_000);
});

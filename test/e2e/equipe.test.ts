/**
 * The teams' inbox in Chromium, on Node + SQLite: an administrator invited from the command line enrols a
 * passkey (Chromium's virtual authenticator, over CDP), signs in, opens a sealed help request with the team's
 * key file, seals a note, takes and closes the request, reads the audit. Every request the page makes while the
 * request is open is recorded: neither the private key nor the clear text leaves the browser. A copy of the
 * database and the server's log lines hold no sealed value. axe on every inbox page.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEquipeCli } from '../../functions/equipe/cli.ts';
import type { RunningServer } from '../../functions/node.ts';
import { writeKeyFile } from '../../functions/staff/key-file.ts';
import { validSubmissions } from '../fixtures/valid-submissions.ts';
import { AXE_CONTEXT, axeViolations, launchBrowser, startSite } from './browser.ts';
import { e2eSealedSettings, e2eTeamKey } from './forms-helpers.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'e2e-equipe-'));
const dbFile = path.join(dir, 'submissions.sqlite');
const keyFile = path.join(dir, 'cle-equipe.json');
const MARKER = `Message-scelle-${Math.random().toString(36).slice(2)}`;
const NOTE = `Note-privee-${Math.random().toString(36).slice(2)}`;
const logs: string[] = [];
let browser: Browser;
let site: RunningServer;
let base: string;
let requestId: string;

beforeAll(async () => {
  writeKeyFile(keyFile, e2eTeamKey);
  [browser, site] = await Promise.all([
    launchBrowser(),
    startSite({
      dbPath: dbFile,
      rateLimit: { max: 1000, windowMs: 60_000 },
      settings: await e2eSealedSettings(),
      log: (e) => logs.push(JSON.stringify(e)),
      notice: (line) => logs.push(line),
    }),
  ]);
  // WebAuthn needs a host name, not an address: the server answers on localhost too.
  base = site.url.replace('127.0.0.1', 'localhost');
  const res = await fetch(`${base}/f/demande-aide`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', origin: base },
    body: JSON.stringify({ ...validSubmissions['demande-aide'], message: MARKER }),
  });
  requestId = ((await res.json()) as { id: string }).id;
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A page with a virtual platform authenticator (a passkey that verifies its user), as a phone or laptop has. */
async function withAuthenticator(context: BrowserContext): Promise<Page> {
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
  return page;
}

/** Clicks a button that posts, and waits for the page it leads to (the same address, after a 303). */
async function post(page: Page, text: string) {
  await Promise.all([page.waitForNavigation(), page.click(`text=${text}`)]);
}

const axeClean = async (page: Page, name: string) => expect(await axeViolations(page), name).toEqual([]);

describe('the teams’ inbox in a browser', () => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    context = await browser.newContext({ ...AXE_CONTEXT, viewport: { width: 320, height: 800 } });
    page = await withAuthenticator(context);
  });
  afterAll(() => context?.close());

  it('an administrator invited from the command line enrols a passkey, signs out and in again', async () => {
    const cli = await runEquipeCli(
      ['inviter', '--email', 'admin@exemple.fr', '--nom', 'Awa Admin', '--db', dbFile, '--site', base],
      {},
    );
    expect(cli.code, cli.err).toBe(0);
    await page.goto(cli.out.trim());
    expect(await page.textContent('main')).toContain('Bonjour Awa Admin');
    expect(await page.textContent('body')).toContain('Démonstration');
    await axeClean(page, 'invitation');
    await page.click('text=Créer ma clé d’accès');
    await page.waitForURL(`${base}/equipe/demandes`);
    await axeClean(page, 'demandes');
    expect(await page.textContent('main')).toContain(requestId);
    // No horizontal scroll at 320 px (wide tables scroll in their own box).
    const wide = await page.evaluate(() =>
      [...document.querySelectorAll('body *')]
        .filter((e) => e.getBoundingClientRect().right > 321 && !e.closest('.tableau'))
        .map((e) => e.outerHTML.slice(0, 80)),
    );
    expect(wide).toEqual([]);
    await page.click('text=Se déconnecter');
    await page.waitForURL(`${base}/equipe/connexion`);
    await axeClean(page, 'connexion');
    await page.click('text=Se connecter avec ma clé d’accès');
    await page.waitForURL(`${base}/equipe/demandes`);
  });

  it('opens the sealed request in the browser: neither the key nor the clear text is ever sent', async () => {
    const sent: string[] = [];
    page.on('request', (r) => sent.push(`${r.method()} ${r.url()} ${r.postData() ?? ''}`));
    await page.goto(`${base}/equipe/demandes/${requestId}`);
    expect(await page.content()).not.toContain(MARKER);
    await page.setInputFiles('#fichier-cle', keyFile);
    await page.check('#garder-cle');
    await page.click('text=Ouvrir la demande');
    await page.waitForSelector('#clair:not([hidden])');
    expect(await page.textContent('#clair')).toContain(MARKER);
    await axeClean(page, 'demande ouverte');
    // A note, sealed here before it is posted.
    await page.fill('#texte', NOTE);
    await post(page, 'Ajouter la note');
    expect(await page.textContent('main')).toContain('note scellée');
    // The key was kept in this browser, non-extractable: the next opening needs no file, and shows the note.
    await page.click('text=Ouvrir la demande');
    await page.waitForSelector('#clair:not([hidden])');
    await page.waitForFunction((note) => document.querySelector('main')!.textContent.includes(note), NOTE);
    const extractable = await page.evaluate(
      () =>
        new Promise<boolean>((resolve) => {
          const open = indexedDB.open('fabrique-equipe', 1);
          open.onsuccess = () => {
            const get = open.result.transaction('cles').objectStore('cles').getAll();
            get.onsuccess = () => resolve((get.result as CryptoKey[]).some((k) => k.extractable));
          };
        }),
    );
    expect(extractable).toBe(false);
    page.removeAllListeners('request');
    expect(sent.length).toBeGreaterThan(0);
    for (const line of sent) {
      expect(line).not.toContain(MARKER);
      expect(line).not.toContain(NOTE);
      expect(line).not.toContain(e2eTeamKey.privateKey);
    }
  });

  it('takes and closes the request, then reads it in the audit; people page', async () => {
    await post(page, 'Je la prends');
    expect(await page.textContent('main')).toContain('En cours');
    await page.fill('#raison', 'Hébergement trouvé');
    await post(page, 'Clore la demande');
    expect(await page.textContent('main')).toContain('Hébergement trouvé');
    await page.goto(`${base}/equipe/journal`);
    const journal = await page.textContent('main');
    expect(journal).toContain('changement_etat');
    expect(journal).toContain('inscription_cle');
    await axeClean(page, 'journal');
    await page.goto(`${base}/equipe/personnes`);
    await axeClean(page, 'personnes');
    await page.fill('#nom', 'Rémi Référent');
    await page.fill('#email', 'remi@exemple.fr');
    await page.selectOption('#role', 'referent');
    await page.click('text=Créer l’invitation');
    expect(await page.textContent('main')).toContain('/equipe/invitation/');
    await axeClean(page, 'invitation créée');
    await page.goto(`${base}/equipe/demandes?etat=clos`);
    await axeClean(page, 'demandes filtrées');
    await page.goto(`${base}/equipe/sessions`);
    await axeClean(page, 'sessions');
    await page.goto(`${base}/equipe/rgpd?personne=personne%40exemple.fr`);
    await axeClean(page, 'rgpd');
    // Each person's own notification setting: a plain form, no script.
    await page.goto(`${base}/equipe/compte`);
    expect(await page.isChecked('input[value="quotidien"]')).toBe(true);
    await axeClean(page, 'compte');
    await page.check('input[value="immediat"]');
    await page.click('text=Enregistrer');
    expect(await page.textContent('main')).toContain('Votre choix est enregistré');
    expect(await page.isChecked('input[value="immediat"]')).toBe(true);
    await axeClean(page, 'compte enregistré');
  });

  it('a copy of the database and the server’s log lines hold no sealed value', async () => {
    const files = readdirSync(dir).filter((f) => f.startsWith('submissions.sqlite'));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const bytes = readFileSync(path.join(dir, f));
      expect(bytes.includes(Buffer.from(MARKER)), f).toBe(false);
      expect(bytes.includes(Buffer.from(NOTE)), f).toBe(false);
    }
    const text = logs.join('\n');
    expect(text).not.toContain(MARKER);
    expect(text).not.toContain(NOTE);
    expect(logs.some((l) => l.includes('/equipe/connexion'))).toBe(true);
  });

  it('the demonstration offers an administrator account from the sign-in page', async () => {
    const other = await browser.newContext({ ...AXE_CONTEXT });
    try {
      const p = await withAuthenticator(other);
      await p.goto(`${base}/equipe/connexion`);
      await p.click('text=Créer un compte administrateur de démonstration');
      await p.waitForURL(/\/equipe\/invitation\//);
      await p.click('text=Créer ma clé d’accès');
      await p.waitForURL(`${base}/equipe/demandes`);
      expect(await p.textContent('body')).toContain('Démonstration');
    } finally {
      await other.close();
    }
  });
});

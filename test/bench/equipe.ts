/**
 * `npm run bench -- equipe` (and in `npm run bench`): the teams' inbox on Node + SQLite with 1,000 sealed help
 * requests. Server time of the list page (the server renders its first 100), its time and bytes in Chromium,
 * opening one sealed request (page load, then key file → decrypt in the browser), and each inbox page's weight;
 * without and with 4× CPU throttling (CDP Emulation.setCPUThrottlingRate). Figures only: no budget yet.
 */
import { performance } from 'node:perf_hooks';
import path from 'node:path';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { writeKeyFile } from '../../functions/staff/key-file.ts';
import { validSubmissions } from '../fixtures/valid-submissions.ts';
import { launchBrowser } from '../e2e/browser.ts';
import { startInboxSite } from '../e2e/equipe-backends.ts';
import { e2eTeamKey } from '../e2e/forms-helpers.ts';

const REQUESTS = 1000;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export type InboxBench = {
  requests: number;
  serverListMs: number;
  runs: { throttle: number; listMs: number; listBytes: number; openPageMs: number; decryptMs: number }[];
  weights: { page: string; bytes: number; requests: number }[];
};

/** Bytes over the wire (compressed, with headers) and request count for one navigation, from CDP's Network domain. */
async function visit(page: Page, cdp: CDPSession, url: string) {
  let bytes = 0;
  let count = 0;
  const done = (e: { encodedDataLength: number }) => {
    bytes += e.encodedDataLength;
    count++;
  };
  cdp.on('Network.loadingFinished', done);
  const start = performance.now();
  await page.goto(url, { waitUntil: 'load' });
  const ms = performance.now() - start;
  cdp.off('Network.loadingFinished', done);
  return { ms, bytes, count };
}

export async function benchInbox(): Promise<InboxBench> {
  const site = await startInboxSite('sqlite');
  const browser = await launchBrowser();
  let context: BrowserContext | undefined;
  try {
    const base = site.base;
    const keyFile = path.join(site.dir, 'cle-equipe.json');
    writeKeyFile(keyFile, e2eTeamKey);
    let last = '';
    for (let i = 0; i < REQUESTS; i++) {
      const res = await fetch(`${base}/f/demande-aide`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', origin: base },
        body: JSON.stringify({ ...validSubmissions['demande-aide'], message: `Demande d’essai numéro ${i}` }),
      });
      if (res.status !== 200) throw new Error(`envoi ${i} : ${res.status}`);
      last = ((await res.json()) as { id: string }).id;
    }
    context = await browser.newContext({ bypassCSP: false });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    // No cache between visits: every visit is a first visit.
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
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
    await page.goto(await site.invite('Bench Admin', 'bench@exemple.fr'));
    await page.click('text=Créer ma clé d’accès');
    await page.waitForURL(`${base}/equipe/demandes`);

    const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    const server: number[] = [];
    for (let i = 0; i < 20; i++) {
      const start = performance.now();
      const res = await fetch(`${base}/equipe/demandes`, { headers: { cookie } });
      await res.text();
      server.push(performance.now() - start);
    }

    const runs: InboxBench['runs'] = [];
    for (const throttle of [1, 4]) {
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
      const lists: number[] = [];
      const opens: number[] = [];
      const decrypts: number[] = [];
      let listBytes = 0;
      for (let i = 0; i < 5; i++) {
        const list = await visit(page, cdp, `${base}/equipe/demandes`);
        lists.push(list.ms);
        listBytes = list.bytes;
        await page.evaluate(() => indexedDB.deleteDatabase('fabrique-equipe'));
        const open = await visit(page, cdp, `${base}/equipe/demandes/${last}`);
        await page.setInputFiles('#fichier-cle', keyFile);
        const start = performance.now();
        await page.click('text=Ouvrir la demande');
        await page.waitForSelector('#clair:not([hidden])');
        decrypts.push(performance.now() - start);
        opens.push(open.ms);
      }
      runs.push({ throttle, listMs: median(lists), listBytes, openPageMs: median(opens), decryptMs: median(decrypts) });
    }
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });

    const weights: InboxBench['weights'] = [];
    for (const p of [
      'connexion',
      'demandes',
      `demandes/${last}`,
      'journal',
      'personnes',
      'sessions',
      'rgpd?personne=personne%40exemple.fr',
    ]) {
      const v = await visit(page, cdp, `${base}/equipe/${p}`);
      weights.push({ page: `/equipe/${p.replace(last, '<id>')}`, bytes: v.bytes, requests: v.count });
    }
    return { requests: REQUESTS, serverListMs: median(server), runs, weights };
  } finally {
    await context?.close();
    await browser.close();
    await site.close();
  }
}

const ko = (n: number) => `${(n / 1024).toFixed(1)} Ko`;
const ms = (n: number) => `${Math.round(n)} ms`;

export function printInbox(r: InboxBench): void {
  console.log(`\nEspace équipe (Node + SQLite, ${r.requests} demandes scellées, la liste en montre 100 par page)`);
  console.log(`  liste, temps du serveur (médiane de 20)      ${ms(r.serverListMs)}`);
  for (const run of r.runs) {
    const cpu = run.throttle === 1 ? 'processeur normal' : `processeur ralenti ×${run.throttle}`;
    console.log(`  ${cpu} (médianes de 5, sans cache) :`);
    console.log(`    liste dans Chromium                         ${ms(run.listMs)} (${ko(run.listBytes)} transférés)`);
    console.log(`    page d’une demande scellée                  ${ms(run.openPageMs)}`);
    console.log(`    ouverture (fichier de clé → texte clair)    ${ms(run.decryptMs)}`);
  }
  console.log('  poids des pages (transférés, compressés, avec CSS et JS) :');
  for (const w of r.weights) console.log(`    ${w.page.padEnd(44)} ${ko(w.bytes).padStart(9)}, ${w.requests} requête(s)`);
}

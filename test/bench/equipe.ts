/**
 * `npm run bench -- equipe [sqlite,postgres,d1]` (and in `npm run bench`): the teams' inbox on the built site with
 * 1,000 sealed help requests stored, per back-end (test/e2e/equipe-backends.ts: Node + SQLite, Node + PostgreSQL on
 * FABRIQUE_TEST_PG_URL, the Worker on workerd + D1). Server time of the list (it renders the first 100) and of a
 * request's page; in Chromium, the list and a request's page loaded without cache, then opening it (key file →
 * clear text, decrypted in the browser); p50 and p95, without and with 4× CPU throttling (CDP
 * Emulation.setCPUThrottlingRate); each inbox page's weight; every request to another site. Budgets:
 * ../shared/spec/budgets.md (`EQUIPE_BUDGET` in budgets.ts).
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import path from 'node:path';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { writeKeyFile } from '../../functions/staff/key-file.ts';
import { validSubmissions } from '../fixtures/valid-submissions.ts';
import { launchBrowser } from '../e2e/browser.ts';
import { BACKEND_NAMES, startInboxSite, type Backend } from '../e2e/equipe-backends.ts';
import { e2eTeamKey } from '../e2e/forms-helpers.ts';
import { EQUIPE_BUDGET, type BudgetLine } from './budgets.ts';
import { VIRTUAL_PASSKEY } from '../e2e/passkey.ts';

const REQUESTS = 1000;
/** Fetches of each page timed on the server side, and browser rounds per CPU speed. */
const SERVER_SAMPLES = 50;
const ROUNDS: Record<number, number> = { 1: 20, 4: 10 };

export type Spread = { p50: number; p95: number };
/** Nearest-rank percentile. */
function spread(xs: number[]): Spread {
  const s = [...xs].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
  return { p50: at(50), p95: at(95) };
}

export type InboxBench = {
  backend: Backend;
  requests: number;
  server: { list: Spread; request: Spread };
  runs: { throttle: number; rounds: number; list: Spread; listBytes: number; page: Spread; open: Spread; both: Spread }[];
  weights: { page: string; bytes: number; requests: number }[];
  /** Requests the browser made to anything but the site, over the whole bench. */
  outside: string[];
  /** The machine's 1-minute load average at the end (2 cores here: above 2, other work shares them). */
  load: number;
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

async function timed(url: string, cookie: string, n: number): Promise<Spread> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    const res = await fetch(url, { headers: { cookie } });
    await res.text();
    if (res.status !== 200) throw new Error(`${url} : ${res.status}`);
    times.push(performance.now() - start);
  }
  return spread(times);
}

export async function benchInbox(backend: Backend): Promise<InboxBench> {
  const site = await startInboxSite(backend);
  const browser = await launchBrowser();
  let context: BrowserContext | undefined;
  try {
    const base = site.base;
    const keyFile = path.join(site.dir, 'cle-equipe.json');
    writeKeyFile(keyFile, e2eTeamKey);
    const ids: string[] = [];
    for (let i = 0; i < REQUESTS; i++) {
      const res = await fetch(`${base}/f/demande-aide`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', origin: base },
        body: JSON.stringify({ ...validSubmissions['demande-aide'], message: `Demande d’essai numéro ${i}` }),
      });
      if (res.status !== 200) throw new Error(`envoi ${i} : ${res.status} ${await res.text()}`);
      ids.push(((await res.json()) as { id: string }).id);
    }
    context = await browser.newContext();
    const outside: string[] = [];
    context.on('request', (r) => {
      if (new URL(r.url()).origin !== base && !r.url().startsWith('data:')) outside.push(r.url());
    });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    // No cache between visits: every visit is a first visit.
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('WebAuthn.enable');
    await cdp.send('WebAuthn.addVirtualAuthenticator', VIRTUAL_PASSKEY);
    await page.goto(await site.invite('Bench Admin', 'bench@exemple.fr'));
    await page.click('text=Créer ma clé d’accès');
    await page.waitForURL(`${base}/equipe/demandes`);

    const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    const server = {
      list: await timed(`${base}/equipe/demandes`, cookie, SERVER_SAMPLES),
      request: await timed(`${base}/equipe/demandes/${ids[0]}`, cookie, SERVER_SAMPLES),
    };

    const runs: InboxBench['runs'] = [];
    for (const throttle of [1, 4]) {
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
      const rounds = ROUNDS[throttle]!;
      const lists: number[] = [];
      const pages: number[] = [];
      const opens: number[] = [];
      let listBytes = 0;
      for (let i = 0; i < rounds; i++) {
        const list = await visit(page, cdp, `${base}/equipe/demandes`);
        lists.push(list.ms);
        listBytes = list.bytes;
        // A different request each round, with no key kept in the browser: the key file is read every time.
        await page.evaluate(() => indexedDB.deleteDatabase('fabrique-equipe'));
        const id = ids[(i * 97 + throttle) % ids.length]!;
        pages.push((await visit(page, cdp, `${base}/equipe/demandes/${id}`)).ms);
        await page.setInputFiles('#fichier-cle', keyFile);
        const start = performance.now();
        await page.click('text=Ouvrir la demande');
        await page.waitForSelector('#clair:not([hidden])');
        opens.push(performance.now() - start);
        if (!(await page.textContent('#clair'))?.includes('Demande d’essai numéro')) throw new Error(`demande ${id} mal ouverte`);
      }
      runs.push({
        throttle,
        rounds,
        list: spread(lists),
        listBytes,
        page: spread(pages),
        open: spread(opens),
        both: spread(pages.map((p, i) => p + opens[i]!)),
      });
    }
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });

    const weights: InboxBench['weights'] = [];
    for (const p of [
      'demandes',
      `demandes/${ids[0]}`,
      'journal',
      'personnes',
      'sessions',
      'rgpd?personne=personne%40exemple.fr',
    ]) {
      const v = await visit(page, cdp, `${base}/equipe/${p}`);
      weights.push({ page: `/equipe/${p.replace(ids[0]!, '<id>')}`, bytes: v.bytes, requests: v.count });
    }
    // The sign-in page, as someone not signed in sees it.
    await context.clearCookies();
    const v = await visit(page, cdp, `${base}/equipe/connexion`);
    weights.unshift({ page: '/equipe/connexion', bytes: v.bytes, requests: v.count });
    return { backend, requests: REQUESTS, server, runs, weights, outside, load: loadavg()[0]! };
  } finally {
    await context?.close();
    await browser.close();
    await site.close();
  }
}

const ko = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const ms = (n: number) => `${Math.round(n)} ms`;
const both = (s: Spread) => `${ms(s.p50).padStart(7)} ${ms(s.p95).padStart(7)}`;

export function printInbox(r: InboxBench): void {
  console.log(
    `\nEspace équipe, ${BACKEND_NAMES[r.backend]} : ${r.requests} demandes scellées stockées (la liste en montre 100 par page) ; charge de la machine ${r.load.toFixed(1)}`,
  );
  console.log(`  ${''.padEnd(52)}     p50     p95`);
  console.log(`  ${`serveur : liste (${SERVER_SAMPLES} requêtes)`.padEnd(52)} ${both(r.server.list)}`);
  console.log(`  ${`serveur : page d’une demande (${SERVER_SAMPLES} requêtes)`.padEnd(52)} ${both(r.server.request)}`);
  for (const run of r.runs) {
    const cpu = run.throttle === 1 ? 'processeur normal' : `processeur ralenti ×${run.throttle}`;
    console.log(`  Chromium, ${cpu}, ${run.rounds} tours sans cache :`);
    console.log(`    ${`liste chargée (${ko(run.listBytes)} transférés)`.padEnd(50)} ${both(run.list)}`);
    console.log(`    ${'page d’une demande scellée chargée'.padEnd(50)} ${both(run.page)}`);
    console.log(`    ${'ouverture : fichier de clé → texte clair'.padEnd(50)} ${both(run.open)}`);
    console.log(`    ${'page + ouverture (somme des deux)'.padEnd(50)} ${both(run.both)}`);
  }
  console.log('  poids des pages, premier visiteur (transférés, compressés, avec CSS et JS) :');
  for (const w of r.weights) console.log(`    ${w.page.padEnd(48)} ${ko(w.bytes).padStart(9)}, ${w.requests} requête(s)`);
}

/** The inbox against ../shared/spec/budgets.md, on this machine at full CPU speed. */
export function inboxBudgetLines(r: InboxBench): BudgetLine[] {
  const run = r.runs.find((x) => x.throttle === 1)!;
  const heaviest = r.weights.reduce((a, b) => (b.bytes > a.bytes ? b : a));
  return [
    {
      label: `liste de ${r.requests}, p95`,
      value: ms(run.list.p95),
      budget: `≤ ${EQUIPE_BUDGET.maxListMs} ms`,
      ok: run.list.p95 <= EQUIPE_BUDGET.maxListMs,
    },
    {
      label: 'demande scellée ouverte, p95',
      value: ms(run.open.p95),
      budget: `≤ ${EQUIPE_BUDGET.maxOpenMs} ms`,
      ok: run.open.p95 <= EQUIPE_BUDGET.maxOpenMs,
    },
    {
      label: 'page la plus lourde',
      value: ko(heaviest.bytes),
      budget: `≤ ${EQUIPE_BUDGET.maxFirstVisitKB} KB`,
      ok: heaviest.bytes <= EQUIPE_BUDGET.maxFirstVisitKB * 1024,
    },
    {
      label: 'requêtes vers un autre site',
      value: String(r.outside.length),
      budget: '0',
      ok: r.outside.length === 0,
    },
  ];
}

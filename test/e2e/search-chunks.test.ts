/**
 * The word index re-cut into small chunks (src/lib/search/index-chunks.ts), searched by Pagefind in Chromium on a site
 * large enough for Pagefind to write several ~30 KB chunks: every rare word still finds its page, alone or
 * with a common word, typed with or without its ending, and costs a few KB instead of a whole Pagefind chunk.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../functions/node.ts';
import { buildSearchIndex, type IndexBuilt } from '../../src/lib/search/build-index.ts';
import { launchBrowser } from './browser.ts';

const PAGES = 400;
const COURANTS = `de la le et les des un une pour avec enfants parents atelier formation quartier accueil handicap
  inscription mercredi samedi matin groupe jeux activité famille maison association places gratuit`.split(/\s+/);
const SYLLABES = ['ma', 'lo', 'ri', 'ke', 'bel', 'tou', 'ven', 'gal', 'zo', 'nic', 'ter', 'bra', 'lin', 'dou', 'fir'];
/** One invented word per page, found nowhere else: "Kezogal" on page 0… */
const rare = (i: number) =>
  `k${SYLLABES[i % 15]}${SYLLABES[Math.floor(i / 15) % 15]}${SYLLABES[Math.floor(i / 225) % 15]}`.replace(/^k/, 'K');

let dir: string;
let built: IndexBuilt;
let browser: Browser;
let site: RunningServer;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'morceaux-e2e-'));
  let seed = 7;
  const hasard = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  for (let i = 0; i < PAGES; i++) {
    const mots = Array.from({ length: 180 }, () => COURANTS[Math.floor(hasard() ** 2 * COURANTS.length)]);
    mots.splice(90, 0, rare(i), i % 2 ? 'deuxièmes' : 'ateliers', 'atelier');
    const html =
      `<!doctype html><html lang="fr"><head><title>Page ${i}</title></head><body><main data-pagefind-body>` +
      `<h1>Page ${i}</h1><p>${mots.join(' ')}.</p></main></body></html>`;
    await mkdir(path.join(dir, `p${i}`));
    await writeFile(path.join(dir, `p${i}`, 'index.html'), html);
  }
  built = await buildSearchIndex(dir);
  [browser, site] = await Promise.all([launchBrowser(), startServer({ port: 0, distDir: dir })]);
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
  await rm(dir, { recursive: true, force: true });
});

/** Searches in one browser context (Pagefind loaded once): the first 3 URLs of each query, and the index bytes loaded. */
async function session(): Promise<{
  chercher: (qs: string[]) => Promise<{ urls: string[][]; octets: number }>;
  context: BrowserContext;
}> {
  const context = await browser.newContext();
  let octets = 0;
  // Context level: Pagefind may fetch from a worker, which page-level events miss.
  context.on('requestfinished', async (r) => {
    if (r.url().includes('/pagefind/index/')) octets += (await r.sizes()).responseBodySize;
  });
  const page = await context.newPage();
  await page.goto(`${site.url}/p0/`);
  await page.evaluate(`import('/pagefind/pagefind.js').then((pf) => pf.init())`);
  return {
    context,
    chercher: async (qs) => {
      octets = 0;
      const urls = await page.evaluate<string[][]>(`(async () => {
        const pf = await import('/pagefind/pagefind.js');
        const out = [];
        for (const q of ${JSON.stringify(qs)}) {
          const r = await pf.search(q);
          out.push(await Promise.all(r.results.slice(0, 3).map(async (x) => (await x.data()).url)));
        }
        return out;
      })()`);
      await page.waitForTimeout(50); // the last requestfinished handler
      return { urls, octets };
    },
  };
}

describe('the re-cut word index, in Chromium', () => {
  it('is cut finer than Pagefind cut it', () => {
    expect(built.chunks.before).toBeGreaterThanOrEqual(3);
    expect(built.chunks.after).toBeGreaterThan(built.chunks.before * 5);
  });

  it('finds each rare word’s page, alone or with a common word, for a few KB of index', async () => {
    const { chercher, context } = await session();
    try {
      for (const i of [0, 37, 224, 399]) {
        const { urls, octets } = await chercher([rare(i)]);
        expect(urls[0]![0], rare(i)).toBe(`/p${i}/`);
        expect(octets, rare(i)).toBeLessThan(8_000);
      }
      // Every rare word, whichever chunk it ended in: with a common word, Pagefind looks each word up in one chunk.
      const tous = Array.from({ length: PAGES }, (_, i) => i);
      const { urls } = await chercher(tous.map((i) => `${rare(i)} atelier`));
      expect(tous.filter((i) => urls[i]![0] !== `/p${i}/`).map(rare)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('finds a word typed with another ending than the one indexed, alone or with another word', async () => {
    const { chercher, context } = await session();
    try {
      // "deuxièmes" is indexed as its stem: "deuxième" and "deuxieme" are looked up in the chunk holding it.
      const qs = ['deuxième', 'deuxieme', 'atelier', `deuxième ${rare(1)}`, `atelier ${rare(2)}`];
      const { urls } = await chercher(qs);
      for (const [k, q] of qs.entries()) expect(urls[k]!.length, q).toBeGreaterThan(0);
      expect((await chercher([`deuxieme ${rare(3)}`])).urls[0]![0]).toBe('/p3/');
    } finally {
      await context.close();
    }
  });
});

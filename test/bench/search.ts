/**
 * Search benchmark: bytes of the first query and of following ones, measured in Chromium on the built site
 * served compressed by the project's own server, at today's content and at 10,000 generated pages; and the
 * time Pagefind takes to index each. The generated site lives in a temporary folder, deleted at the end.
 *
 * Bytes are counted from context-level `requestfinished` events (`request.sizes()`, headers + encoded
 * body): Pagefind fetches its index from a Web Worker, which page-level counting misses. The worker's own
 * script is reported with an empty body, so its compressed size is measured by fetching it again.
 * With the figures, the causes: the median query's bytes by kind of file, and what the index is made of
 * (test/bench/search-causes.ts).
 */
import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { BrowserContext, Page } from 'playwright-core';
import { startServer } from '../../functions/node.ts';
import { buildSearchIndex, type IndexBuilt } from '../../src/lib/search/build-index.ts';
import { launchBrowser } from '../e2e/browser.ts';
import { indexCauses, type IndexCauses } from './search-causes.ts';

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
const KB = 1024;
export const SEARCH_BUDGETS = { firstToday: 150 * KB, first10k: 300 * KB, followingMedian: 50 * KB };

/** What a resident types first, then what they try next (each a "following" query). */
const FIRST = 'handicap Blosne';
const FOLLOWING = [
  'formation assistante maternelle',
  'E2C',
  'violences',
  'LSF',
  'deuxième chance',
  'crèche',
  'référents',
  'Maurepas',
  'loisirs enfants',
  'permanence mercredi',
  'école inclusive',
];

export type SearchFigures = {
  label: string;
  pages: number;
  indexMs: number;
  chunks: IndexBuilt['chunks'];
  firstBytes: number;
  followingBytes: number[];
  followingMedian: number;
  /** Bytes of the median following query, by kind of file (index chunks, fragments…). */
  medianByKind: Record<string, number>;
  causes: IndexCauses;
};

/** Pagefind's files by what they hold, for the breakdown of a query's bytes. */
const KINDS: Record<string, string> = {
  pf_index: 'index (mots)',
  pf_fragment: 'fragments (résultats)',
  pf_filter: 'filtres',
  pf_meta: 'métadonnées',
  pagefind: 'wasm',
  js: 'js',
  json: 'entrée',
  txt: 'mots pour corriger',
};

/** Sums the bytes of every request of a context between two calls. */
function byteCounter(context: BrowserContext) {
  let bytes = 0;
  let inFlight = 0;
  let byKind: Record<string, number> = {};
  context.on('request', () => inFlight++);
  context.on('requestfailed', () => inFlight--);
  context.on('requestfinished', async (request) => {
    const s = await request.sizes();
    let body = s.responseBodySize;
    // Chromium reports 0 for a worker's own script (pagefind-worker.js): fetch it again as the browser did.
    if (body === 0 && (await request.response())?.status() === 200) {
      body = await encodedSize(request.url(), (await request.allHeaders())['accept-encoding'] ?? 'gzip, deflate, br');
    }
    const n = s.responseHeadersSize + body;
    bytes += n;
    const ext = /\.(pf_\w+|pagefind|js|json|txt)$/.exec(new URL(request.url()).pathname)?.[1] ?? 'autre';
    const kind = KINDS[ext] ?? ext;
    byKind[kind] = (byKind[kind] ?? 0) + n;
    inFlight--;
  });
  return {
    kinds: () => byKind,
    reset: () => {
      bytes = 0;
      byKind = {};
    },
    /** Waits until no request has been in flight for 300 ms, then returns the bytes since reset. */
    settle: async () => {
      for (let quiet = 0; quiet < 3;) {
        await new Promise((r) => setTimeout(r, 100));
        quiet = inFlight === 0 ? quiet + 1 : 0;
      }
      return bytes;
    },
  };
}

/** Bytes on the wire of a response body, compressed as the server sends it for that Accept-Encoding. */
function encodedSize(url: string, acceptEncoding: string): Promise<number> {
  return new Promise((resolve, reject) => {
    get(url, { headers: { 'accept-encoding': acceptEncoding } }, (res) => {
      let n = 0;
      res.on('data', (chunk: Buffer) => (n += chunk.length));
      res.on('end', () => resolve(n));
    }).on('error', reject);
  });
}

async function search(page: Page, q: string): Promise<void> {
  const statut = page.locator('[data-recherche-statut]');
  await page.locator('#recherche-q').fill(q);
  await page.locator('#recherche-q').press('Enter');
  await page.waitForFunction((q) => document.querySelector('[data-recherche-statut]')?.textContent?.includes(`« ${q} »`), q, {
    timeout: 60_000,
  });
  await statut.textContent();
}

/** Serves `siteDir`, opens the search page, then measures the first query and each following one. */
async function measure(label: string, siteDir: string, { pages, ms: indexMs, chunks }: IndexBuilt): Promise<SearchFigures> {
  const [browser, site] = await Promise.all([launchBrowser(), startServer({ port: 0, distDir: siteDir })]);
  try {
    const context = await browser.newContext();
    const counter = byteCounter(context);
    const page = await context.newPage();
    await page.goto(`${site.url}/recherche/`);
    await counter.settle();
    counter.reset();
    await search(page, FIRST);
    const firstBytes = await counter.settle();
    if (process.env.BENCH_DETAIL) console.log(`    ${FIRST} : ${JSON.stringify(counter.kinds())}`);
    const followingBytes: number[] = [];
    const kinds: Record<string, number>[] = [];
    for (const q of FOLLOWING) {
      counter.reset();
      await search(page, q);
      followingBytes.push(await counter.settle());
      kinds.push(counter.kinds());
      if (process.env.BENCH_DETAIL) console.log(`    ${q} : ${JSON.stringify(counter.kinds())}`);
    }
    const followingMedian = median(followingBytes);
    const medianByKind = kinds[followingBytes.indexOf(followingMedian)] ?? {};
    return {
      label,
      pages,
      indexMs,
      chunks,
      firstBytes,
      followingBytes,
      followingMedian,
      medianByKind,
      causes: await indexCauses(siteDir),
    };
  } finally {
    await browser.close();
    await site.close();
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : Math.round((s[m - 1]! + s[m]!) / 2);
};

// ---- 10,000 generated pages ------------------------------------------------------------------------

/** Small seeded generator, so two runs index the same synthetic site. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The words of each of today's pages as Pagefind indexed them, in order: the text of its fragment, which leaves
 * out what the pages mark data-pagefind-ignore (header, breadcrumbs, emergency numbers, repeated labels). The
 * text of <main> would count those words too: 28 % more words per page than the index holds.
 */
export async function indexedWords(dir: string): Promise<string[][]> {
  const fragments = path.join(dir, 'pagefind', 'fragment');
  const pages: string[][] = [];
  for (const name of await readdir(fragments)) {
    const json = gunzipSync(await readFile(path.join(fragments, name))).subarray('pagefind_dcd'.length);
    const { content } = JSON.parse(json.toString('utf8')) as { content: string };
    pages.push(content.match(/[\p{L}\d'’-]+/gu) ?? []);
  }
  return pages;
}

/**
 * Writes `count` pages shaped like ours (same layout, filters and metadata) into `dir`/generees/.
 * Each is a variation on one of today's pages, any of them, long or short: as many words as that page indexes
 * (`indexedWords`), 85 % drawn from that page (so a word stays concentrated in the pages about it, as in real
 * text), 10 % from the whole site, 5 % from 30,000 invented proper names (people, streets, associations) so the
 * vocabulary grows with the site; a title, and sections of 40 to 100 words under headings. No paragraph is
 * repeated: each page is its own random draw, so common words ("de", "formation") keep their real frequency.
 * Drawing every word from the whole site instead would put "crèche" in 56% of pages instead of 37%.
 */
export async function generatePages(dir: string, count: number, sources: string[][]): Promise<void> {
  const rnd = random(42);
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const all = sources.flat();
  const syllables = ['ma', 'lo', 'ri', 'ke', 'bel', 'an', 'tou', 'ven', 'gal', 'zo', 'nic', 'ter', 'ou', 'bra', 'lin', 'sé'];
  const name = () => Array.from({ length: 2 + Math.floor(rnd() * 3) }, () => pick(syllables)).join('');
  const names = Array.from({ length: 30_000 }, () => name().replace(/^./, (c) => c.toUpperCase()));
  const layout = await readFile(path.join(dir, 'activites', 'atelier-cirque-le-blosne', 'index.html'), 'utf8');
  const [before, after] = [layout.slice(0, layout.indexOf('<main')), layout.slice(layout.indexOf('</main>') + 7)];
  const types = ['Formation', 'Loisir partagé', 'Lieu d’accueil', 'Programme', 'Page d’information'];
  const quartiers = ['Le Blosne', 'Centre', 'Maurepas – Bellangerais', 'Villejean – Beauregard', 'Bréquigny', 'Sud-Gare'];
  await mkdir(path.join(dir, 'generees'), { recursive: true });
  for (let i = 0; i < count; i++) {
    const source = pick(sources);
    const word = () => {
      const x = rnd();
      return x < 0.05 ? pick(names) : x < 0.15 ? pick(all) : pick(source);
    };
    const text = (n: number) => Array.from({ length: n }, word).join(' ');
    const titre = `${text(6)} ${pick(names)}`;
    const type = pick(types);
    // Sections of 40 to 100 words under a heading, up to the source page's length.
    const sections: string[] = [];
    for (let left = source.length; left > 0;) {
      const n = Math.min(left, 40 + Math.floor(rnd() * 60));
      sections.push(`<h2>${text(5)}</h2><p>${text(n)}.</p>`);
      left -= n + 5;
    }
    const main = [
      `<main id="contenu" tabindex="-1" data-pagefind-body><div hidden data-pagefind-ignore>`,
      `<span data-pagefind-meta="title:${titre}"></span><span data-pagefind-filter="type:${type}"></span>`,
      `<span data-pagefind-meta="type:${type}"></span><span data-pagefind-filter="quartier:${pick(quartiers)}"></span>`,
      `</div><h1>${titre}</h1>`,
      ...sections,
      `</main>`,
    ].join('');
    await mkdir(path.join(dir, 'generees', String(i)), { recursive: true });
    await writeFile(path.join(dir, 'generees', String(i), 'index.html'), before + main + after);
  }
}

// ---- Entry ---------------------------------------------------------------------------------------

/** Runs the whole search benchmark (build `dist/` first) and prints the figures against the budgets. */
export async function benchSearch({ generated = 10_000, log = console.log } = {}): Promise<SearchFigures[]> {
  const tmp = await mkdtemp(path.join(tmpdir(), 'fabrique-recherche-'));
  try {
    // Today: index a copy of dist/ to time it, and search it.
    const today = path.join(tmp, 'aujourdhui');
    await cp(DIST, today, { recursive: true, filter: (src) => !src.includes(`${path.sep}pagefind`) });
    const indexedToday = await buildSearchIndex(today);
    const figures = [await measure('contenu actuel', today, indexedToday)];

    const big = path.join(tmp, 'generees');
    await cp(today, big, { recursive: true, filter: (src) => !src.includes(`${path.sep}pagefind`) });
    await generatePages(big, generated, await indexedWords(today));
    const indexedBig = await buildSearchIndex(big);
    figures.push(await measure(`+ ${generated} pages générées`, big, indexedBig));

    printFigures(figures, log);
    return figures;
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

/** The search budgets missed, for `npm run bench`'s exit code. */
export function searchBudgetMisses(figures: SearchFigures[]): number {
  return figures.reduce(
    (n, f, i) =>
      n +
      Number(f.firstBytes > (i === 0 ? SEARCH_BUDGETS.firstToday : SEARCH_BUDGETS.first10k)) +
      Number(f.followingMedian > SEARCH_BUDGETS.followingMedian),
    0,
  );
}

function printFigures(figures: SearchFigures[], log: (line: string) => void): void {
  const kb = (b: number) => `${(b / KB).toFixed(1)} KB`;
  const ok = (b: number, max: number) => `${kb(b)} ${b <= max ? '✓' : '✗'} (budget ${kb(max)})`;
  log('Recherche (Pagefind) — octets transférés, compressés, en-têtes compris');
  for (const [i, f] of figures.entries()) {
    const firstBudget = i === 0 ? SEARCH_BUDGETS.firstToday : SEARCH_BUDGETS.first10k;
    log(
      `  ${f.label} : ${f.pages} pages indexées en ${(f.indexMs / 1000).toFixed(1)} s, ` +
        `dont ${(f.chunks.rechunkMs / 1000).toFixed(1)} s pour recouper ${f.chunks.before} morceaux d’index Pagefind en ${f.chunks.after}`,
    );
    log(`    première recherche : ${ok(f.firstBytes, firstBudget)}`);
    log(`    recherches suivantes, médiane : ${ok(f.followingMedian, SEARCH_BUDGETS.followingMedian)}`);
    log(`    (suivantes : ${f.followingBytes.map(kb).join(', ')})`);
    // Pagefind's four kinds of file always shown, at 0 when the query loaded none; then anything else it loaded.
    const main = [KINDS.pf_index!, KINDS.pf_fragment!, KINDS.pf_filter!, KINDS.pf_meta!];
    const others = Object.keys(f.medianByKind).filter((k) => !main.includes(k));
    const parts = [...main, ...others].map((k) => `${k} ${kb(f.medianByKind[k] ?? 0)}`);
    log(`    médiane, par fichier : ${parts.join(', ')}`);
    const c = f.causes;
    log(
      `    index : ${c.chunks} morceaux, médiane ${kb(c.chunkMedian)}, plus gros ${kb(c.chunkMax)} ; métadonnées ${kb(c.metaBytes)} ` +
        `(${c.pages} pages) ; fragment médian ${kb(c.fragmentMedian)}`,
    );
    // A chunk's bounds end with U+10FFFF ("just before the next one", src/lib/search/index-chunks.ts): shown as "…".
    const bound = (w: string) => w.replace(/\u{10FFFF}/gu, '…');
    log(`    plus gros morceaux : ${c.largest.map((m) => `« ${bound(m.from)} »→« ${bound(m.to)} » ${kb(m.bytes)}`).join(', ')}`);
  }
}

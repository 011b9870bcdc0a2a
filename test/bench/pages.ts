/**
 * Page weight benchmark: every page of the built site, compressed as the Node server sends it,
 * against ../shared/spec/budgets.md. Run by `npm run bench` after `npm run build`.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { launchBrowser, sitemapPaths, startSite } from '../e2e/browser.ts';
import { RENDER_BLOCKING_COUNT, templateOf } from '../e2e/templates.ts';

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
const KB = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const br = (b: Buffer) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

export type PageFigures = {
  pages: number;
  largestHtmlGzip: { path: string; bytes: number };
  cssGzip: number;
  cssFiles: number;
  largestJsGzip: number;
  firstVisitMax: { path: string; bytes: number };
  repeatVisitMax: { path: string; bytes: number };
  /** Budget lines over their budget (npm run bench exits non-zero). */
  missed: number;
};

/** Pages visited side by side: each load has a fresh context (its own cache and worker), so none shares bytes. */
const VISITS_AT_ONCE = 4;

type Visit = { path: string; first: number; requests: number; blocking: number; second: number; repeat: number };

/** Gzip over the wire, as the budget counts it (the server would send brotli to Chromium otherwise). */
const GZIP_ONLY = { extraHTTPHeaders: { 'accept-encoding': 'gzip' } };

/**
 * Bytes and requests of loading `pagePath` in a fresh profile, everything counted (the worker's own downloads
 * too), after reading the pages of `before` in it first if given (their bytes are not counted).
 */
async function load(browser: Browser, origin: string, pagePath: string, before: string[] = [], workerFirst = false) {
  const context = await browser.newContext(GZIP_ONLY);
  const page = await context.newPage();
  for (const b of before) await page.goto(origin + b, { waitUntil: 'load' });
  // A reader who has come back has the worker and its offline pack: wait until they are there.
  if (workerFirst)
    await page.evaluate(() => Promise.race([navigator.serviceWorker.ready, new Promise((r) => setTimeout(r, 5000))]));
  await page.waitForTimeout(before.length ? 500 : 0);
  let bytes = 0;
  let requests = 0;
  const pending: Promise<void>[] = [];
  context.on('requestfinished', (r) => {
    pending.push(
      r.sizes().then(
        (s) => {
          bytes += s.responseBodySize + s.responseHeadersSize;
          requests += 1;
        },
        () => undefined,
      ),
    );
  });
  await page.goto(origin + pagePath, { waitUntil: 'load' });
  // What the page starts after its load (the worker, its pack) is part of what it costs.
  await page.waitForTimeout(1000);
  await Promise.all(pending);
  const blocking = await page.evaluate(RENDER_BLOCKING_COUNT);
  await context.close();
  return { bytes, requests, blocking };
}

/**
 * A page's first visit (cold cache, one page read: no worker, no pack), the same page as the second page read
 * (the one that brings the offline pack, src/components/ServiceWorker/register.ts) and its repeat visit (a
 * reader who has come back, the pack already there).
 */
async function visit(browser: Browser, origin: string, pagePath: string): Promise<Visit> {
  const other = pagePath === '/' ? '/aide/' : '/';
  const first = await load(browser, origin, pagePath);
  const second = await load(browser, origin, pagePath, [other]);
  const repeat = await load(browser, origin, pagePath, [other, other], true);
  return {
    path: pagePath,
    first: first.bytes,
    requests: first.requests,
    blocking: first.blocking,
    second: second.bytes,
    repeat: repeat.bytes,
  };
}

/** One line per template: its heaviest page's figures, beside the budgets. */
function printTemplates(visits: Visit[], sizes: { path: string; gzip: number }[]) {
  const gzip = new Map(sizes.map((s) => [s.path, s.gzip]));
  const rows = new Map<
    string,
    { pages: number; html: number; first: number; requests: number; second: number; repeat: number; blocking: number }
  >();
  for (const v of visits) {
    const t = templateOf(v.path);
    const r = rows.get(t) ?? { pages: 0, html: 0, first: 0, requests: 0, second: 0, repeat: 0, blocking: 0 };
    rows.set(t, {
      pages: r.pages + 1,
      html: Math.max(r.html, gzip.get(v.path) ?? 0),
      first: Math.max(r.first, v.first),
      requests: Math.max(r.requests, v.requests),
      second: Math.max(r.second, v.second),
      repeat: Math.max(r.repeat, v.repeat),
      blocking: Math.max(r.blocking, v.blocking),
    });
  }
  console.log(
    '\nPer template (heaviest page of each), all bytes, gzip over the wire — budgets: HTML+CSS ≤ 14 KB, first visit ≤ 15 KB, repeat ≤ 15 KB, 0 blocking',
  );
  console.log('  (2nd page: the same page read after another one, when the offline pack comes; not budgeted)');
  console.log(
    `  ${'template'.padEnd(30)} ${'pages'.padStart(5)} ${'HTML+CSS gz'.padStart(12)} ${'first visit'.padStart(12)} ${'requests'.padStart(8)} ${'2nd page'.padStart(9)} ${'repeat'.padStart(9)} ${'blocking'.padStart(8)}`,
  );
  for (const [t, r] of [...rows].sort(([a], [b]) => a.localeCompare(b))) {
    const ok = r.html <= 14 * 1024 && r.first <= 15 * 1024 && r.repeat <= 15 * 1024 && r.blocking === 0;
    console.log(
      `  ${t.padEnd(30)} ${String(r.pages).padStart(5)} ${KB(r.html).padStart(12)} ${KB(r.first).padStart(12)} ${String(r.requests).padStart(8)} ${KB(r.second).padStart(9)} ${KB(r.repeat).padStart(9)} ${String(r.blocking).padStart(8)}  ${ok ? 'OK' : 'OVER'}`,
    );
  }
}

/** The worker and what it precaches (its CONFIG: the offline page and that page's scripts and icon). */
async function serviceWorkerFigures() {
  const worker = await readFile(path.join(dist, 'sw.js'), 'utf8');
  const config = JSON.parse(/const CONFIG = (\{.*?\});/.exec(worker)![1]!) as { offline: string; assets: string[] };
  const files = await Promise.all(
    [`${config.offline}index.html`, ...config.assets].map((p) => readFile(path.join(dist, p.replace(/^\//, '')))),
  );
  return {
    worker: gzipSync(worker, { level: 9 }).length,
    files: files.length,
    precacheRaw: files.reduce((n, f) => n + f.length, 0),
    precacheGzip: files.reduce((n, f) => n + gzipSync(f, { level: 9 }).length, 0),
  };
}

async function filesUnder(dir: string, ext: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith(ext)).map((e) => path.join(e.parentPath, e.name));
}

export async function benchPages(): Promise<PageFigures> {
  const paths = await sitemapPaths();
  const sizes = await Promise.all(
    paths.map(async (p) => {
      const html = await readFile(path.join(dist, p, 'index.html'));
      return { path: p, raw: html.length, gzip: gzipSync(html, { level: 9 }).length, brotli: br(html) };
    }),
  );
  sizes.sort((a, b) => b.gzip - a.gzip);
  const css = await filesUnder(path.join(dist, '_astro'), '.css');
  // The stylesheet is inlined in every page (astro.config.mjs): measured from the home page's <style>.
  const home = await readFile(path.join(dist, 'index.html'), 'utf8');
  const inlineCss = [...home.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]).join('');
  const cssGzip = gzipSync(inlineCss, { level: 9 }).length;
  const js = await filesUnder(path.join(dist, '_astro'), '.js');
  const jsGzip = await Promise.all(
    js.map(async (f) => ({ f: path.basename(f), gzip: gzipSync(await readFile(f), { level: 9 }).length })),
  );

  // Bytes on the wire, as a browser sees them: each page cold, then each page reached from another one.
  const [browser, site] = await Promise.all([launchBrowser(), startSite()]);
  const visits: Visit[] = [];
  try {
    // Each visit waits on timers (the worker, its pack): a few pages at a time, each in its own contexts.
    let next = 0;
    const worker = async () => {
      while (next < paths.length) {
        visits.push(await visit(browser, site.url, paths[next++]!));
        process.stderr.write(`\r  pages visitées : ${visits.length}/${paths.length}`);
      }
    };
    await Promise.all(Array.from({ length: VISITS_AT_ONCE }, worker));
    process.stderr.write('\n');
  } finally {
    await browser.close();
    await site.close();
  }
  printTemplates(visits, sizes);
  visits.sort((a, b) => b.first - a.first);
  const repeatMax = [...visits].sort((a, b) => b.repeat - a.repeat)[0]!;
  const blocking = visits.reduce((n, v) => n + v.blocking, 0);

  console.log(`\nPages (${paths.length} in the sitemap) — HTML compressed, largest first`);
  for (const s of sizes.slice(0, 5))
    console.log(
      `  ${s.path.padEnd(58)} ${KB(s.raw).padStart(9)} raw  ${KB(s.gzip).padStart(8)} gzip  ${KB(s.brotli).padStart(8)} br`,
    );
  let missed = 0;
  const check = (label: string, value: string, ok: boolean, budget: string) => {
    if (!ok) missed += 1;
    console.log(`  ${ok ? 'OK  ' : 'OVER'} ${label.padEnd(44)} ${value.padStart(10)}   budget ${budget}`);
  };
  console.log('\nAgainst the budgets');
  check(`largest HTML + CSS, gzip (${sizes[0]!.path})`, KB(sizes[0]!.gzip), sizes[0]!.gzip <= 14 * 1024, '≤ 14 KB');
  check(`render-blocking requests, all pages`, String(blocking), blocking === 0, '0');
  check(`CSS inlined in each page, gzip`, KB(cssGzip), cssGzip <= 10 * 1024 && css.length === 0, '≤ 10 KB, no file');
  for (const j of jsGzip) check(`JS ${j.f}`, KB(j.gzip), j.gzip <= 5 * 1024, '≤ 5 KB a page');
  check(`first visit, all bytes (${visits[0]!.path})`, KB(visits[0]!.first), visits[0]!.first <= 15 * 1024, '≤ 15 KB');
  check(`repeat visit, pack there (max, ${repeatMax.path})`, KB(repeatMax.repeat), repeatMax.repeat <= 15 * 1024, '≤ 15 KB');
  const sw = await serviceWorkerFigures();
  check('service worker sw.js, gzip', KB(sw.worker), sw.worker <= 3 * 1024, '≤ 3 KB');
  check(
    `offline precache, ${sw.files} files, raw (gzip ${KB(sw.precacheGzip)})`,
    KB(sw.precacheRaw),
    sw.precacheRaw <= 50 * 1024,
    '≤ 50 KB',
  );
  return {
    pages: paths.length,
    largestHtmlGzip: { path: sizes[0]!.path, bytes: sizes[0]!.gzip },
    cssGzip,
    cssFiles: css.length,
    largestJsGzip: Math.max(0, ...jsGzip.map((j) => j.gzip)),
    firstVisitMax: { path: visits[0]!.path, bytes: visits[0]!.first },
    repeatVisitMax: { path: repeatMax.path, bytes: repeatMax.repeat },
    missed,
  };
}

/**
 * Page weight benchmark: every page of the built site, compressed as the Node server sends it,
 * against ../shared/spec/budgets.md. Run by `npm run bench` after `npm run build`.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { launchBrowser, sitemapPaths, startSite } from '../e2e/browser.ts';

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
};

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
  const cssBytes = await Promise.all(css.map((f) => readFile(f)));
  const cssGzip = cssBytes.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0);
  const js = await filesUnder(path.join(dist, '_astro'), '.js');
  const jsGzip = await Promise.all(
    js.map(async (f) => ({ f: path.basename(f), gzip: gzipSync(await readFile(f), { level: 9 }).length })),
  );

  // Bytes on the wire, as a browser sees them: a first visit of each page, then another page with a warm cache.
  const [browser, site] = await Promise.all([launchBrowser(), startSite()]);
  const visits: { path: string; first: number; repeat: number }[] = [];
  try {
    for (const [i, p] of paths.entries()) {
      const context = await browser.newContext();
      let bytes = 0;
      context.on('requestfinished', async (r) => {
        const s = await r.sizes();
        bytes += s.responseBodySize + s.responseHeadersSize;
      });
      const page = await context.newPage();
      await page.goto(site.url + p, { waitUntil: 'load' });
      await page.waitForTimeout(50);
      const first = bytes;
      bytes = 0;
      await page.goto(site.url + paths[(i + 1) % paths.length], { waitUntil: 'load' });
      await page.waitForTimeout(50);
      visits.push({ path: p, first, repeat: bytes });
      await context.close();
    }
  } finally {
    await browser.close();
    await site.close();
  }
  visits.sort((a, b) => b.first - a.first);
  const repeatMax = [...visits].sort((a, b) => b.repeat - a.repeat)[0]!;

  console.log(`\nPages (${paths.length} in the sitemap) — HTML compressed, largest first`);
  for (const s of sizes.slice(0, 5))
    console.log(
      `  ${s.path.padEnd(58)} ${KB(s.raw).padStart(9)} raw  ${KB(s.gzip).padStart(8)} gzip  ${KB(s.brotli).padStart(8)} br`,
    );
  const check = (label: string, value: string, ok: boolean, budget: string) =>
    console.log(`  ${ok ? 'OK  ' : 'OVER'} ${label.padEnd(44)} ${value.padStart(10)}   budget ${budget}`);
  console.log('\nAgainst the budgets');
  check(`largest HTML, gzip (${sizes[0]!.path})`, KB(sizes[0]!.gzip), sizes[0]!.gzip <= 14 * 1024, '≤ 14 KB');
  check(`CSS, whole site, gzip (${css.length} file)`, KB(cssGzip), cssGzip <= 10 * 1024 && css.length === 1, '≤ 10 KB, one file');
  for (const j of jsGzip) check(`JS ${j.f}`, KB(j.gzip), j.gzip <= 5 * 1024, '≤ 5 KB a page');
  check(`first visit, all bytes (${visits[0]!.path})`, KB(visits[0]!.first), visits[0]!.first <= 30 * 1024, '≤ 30 KB');
  check(`repeat visit, another page (max)`, KB(repeatMax.repeat), repeatMax.repeat <= 15 * 1024, '≤ 15 KB');
  return {
    pages: paths.length,
    largestHtmlGzip: { path: sizes[0]!.path, bytes: sizes[0]!.gzip },
    cssGzip,
    cssFiles: css.length,
    largestJsGzip: Math.max(0, ...jsGzip.map((j) => j.gzip)),
    firstVisitMax: { path: visits[0]!.path, bytes: visits[0]!.first },
    repeatVisitMax: { path: repeatMax.path, bytes: repeatMax.repeat },
  };
}

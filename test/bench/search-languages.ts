/**
 * Search in each language (issue 23): bytes of each language's first search and of its following ones, on its own
 * search page (/<code>/recherche/), against the search budgets; and each language's page weights (HTML compressed
 * as served, gzip), beside the French page they translate, with how much the languages added to French pages when
 * a reference build is given (BENCH_REFERENCE=<another dist/>, e.g. main's). `npm run bench -- langues`.
 */
import { existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../functions/node.ts';
import { LANGUES, TRADUITES } from '../../src/i18n/languages.ts';
import { launchBrowser } from '../e2e/browser.ts';
import { REQUETES_LANGUES } from '../e2e/search-languages-queries.ts';
import { SEARCH_BUDGETS } from './search.ts';

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
const KB = 1024;
const kb = (b: number) => `${(b / KB).toFixed(1)} KB`;

export type LanguageSearch = { code: string; first: number; followingMedian: number };

/** Bytes of a search: every request of the context, headers and compressed body, until quiet for 300 ms. */
export async function benchSearchLanguages(log = console.log): Promise<LanguageSearch[]> {
  const [browser, site] = await Promise.all([launchBrowser(), startServer({ port: 0, distDir: DIST })]);
  const out: LanguageSearch[] = [];
  try {
    for (const l of TRADUITES) {
      const context = await browser.newContext();
      let bytes = 0;
      let inFlight = 0;
      context.on('request', () => inFlight++);
      context.on('requestfailed', () => inFlight--);
      context.on('requestfinished', async (r) => {
        const s = await r.sizes();
        bytes += s.responseHeadersSize + s.responseBodySize;
        inFlight--;
      });
      const settle = async () => {
        for (let quiet = 0; quiet < 3;) {
          await new Promise((r) => setTimeout(r, 100));
          quiet = inFlight === 0 ? quiet + 1 : 0;
        }
        const b = bytes;
        bytes = 0;
        return b;
      };
      const page = await context.newPage();
      await page.goto(`${site.url}${l.prefixe}/recherche/`);
      await settle();
      const requetes = REQUETES_LANGUES[l.code as keyof typeof REQUETES_LANGUES].map((r) => r.q);
      const sizes: number[] = [];
      for (const q of requetes) {
        await page.locator('#recherche-q').fill(q);
        await page.locator('#recherche-q').press('Enter');
        await page.waitForFunction((q) => document.querySelector('[data-recherche-statut]')?.textContent?.includes(q), q, {
          timeout: 60_000,
        });
        sizes.push(await settle());
      }
      await context.close();
      const following = sizes.slice(1).sort((a, b) => a - b);
      out.push({ code: l.code, first: sizes[0]!, followingMedian: following[Math.floor(following.length / 2)]! });
    }
  } finally {
    await browser.close();
    await site.close();
  }
  log('Recherche par langue — octets transférés, compressés, en-têtes compris');
  for (const f of out)
    log(
      `  ${f.code} : première recherche ${kb(f.first)} ${f.first <= SEARCH_BUDGETS.firstToday ? '✓' : '✗'} (budget ${kb(SEARCH_BUDGETS.firstToday)}), ` +
        `suivantes, médiane ${kb(f.followingMedian)} ${f.followingMedian <= SEARCH_BUDGETS.followingMedian ? '✓' : '✗'} (budget ${kb(SEARCH_BUDGETS.followingMedian)})`,
    );
  return out;
}

/** Every page's compressed HTML (its .gz beside it, as the server sends it), by address. */
async function weights(dir: string): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile() || e.name !== 'index.html.gz') continue;
    const rel = path.relative(dir, e.parentPath).split(path.sep).join('/');
    out.set(rel ? `/${rel}/` : '/', (await stat(path.join(e.parentPath, e.name))).size);
  }
  return out;
}

/** Page weights per language, and French pages against a reference build. Returns the French pages grown by > 1 KB. */
export async function benchLanguageWeights(log = console.log): Promise<number> {
  const now = await weights(DIST);
  log('Poids des pages par langue — HTML avec sa CSS, gzip');
  const francaises = ['/', '/aide/', '/recherche/'];
  for (const l of LANGUES) {
    const pages = francaises.map((p) => `${l.prefixe}${p}`).filter((p) => now.has(p));
    log(`  ${l.code} : ${pages.map((p) => `${p} ${kb(now.get(p)!)}`).join(', ')}`);
  }
  const reference = process.env.BENCH_REFERENCE;
  if (!reference || !existsSync(reference)) {
    log('  (BENCH_REFERENCE=<dist/ de référence> pour comparer les pages françaises)');
    return 0;
  }
  const before = await weights(reference);
  const prefixes = new Set(TRADUITES.map((l) => l.prefixe.slice(1)));
  const deltas = [...now]
    .filter(([p]) => before.has(p) && !prefixes.has(p.split('/')[1]!))
    .map(([p, n]) => [p, n - before.get(p)!] as const)
    .sort((a, b) => b[1] - a[1]);
  const over = deltas.filter(([, d]) => d > KB);
  log(
    `  pages françaises : ${deltas.length} comparées, écart max ${deltas[0] ? `${deltas[0][1]} o (${deltas[0][0]})` : '—'}, ` +
      `médiane ${deltas[Math.floor(deltas.length / 2)]?.[1] ?? 0} o ; plus de 1 KB : ${over.length ? over.map(([p, d]) => `${p} +${d} o`).join(', ') : 'aucune ✓'}`,
  );
  return over.length;
}

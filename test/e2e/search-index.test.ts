/**
 * The index built from the site's HTML (src/lib/search/build-index.ts), searched by Pagefind in Chromium: a word
 * after a typographic apostrophe ("l’atelier") is found like one after a straight apostrophe.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startServer, type RunningServer } from '../../functions/node.ts';
import { apostrophesDroites, buildSearchIndex } from '../../src/lib/search/build-index.ts';
import { launchBrowser } from './browser.ts';

let dir: string;
let browser: Browser;
let site: RunningServer;
const page = (titre: string, texte: string) =>
  `<!doctype html><html lang="fr"><head><title>${titre}</title></head><body><main data-pagefind-body>` +
  `<div hidden data-pagefind-ignore><span data-pagefind-filter="type:Lieu d’accueil"></span></div>` +
  `<h1>${titre}</h1><p>${texte}</p></main></body></html>`;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'index-'));
  await writeFile(path.join(dir, 'courbe.html'), page('Poterie', 'Inscription à l’atelier de poterie.'));
  await writeFile(path.join(dir, 'droite.html'), page('Cuisine', "Inscription à l'atelier de cuisine."));
  await buildSearchIndex(dir);
  [browser, site] = await Promise.all([launchBrowser(), startServer({ port: 0, distDir: dir })]);
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
  await rm(dir, { recursive: true, force: true });
});

async function chercher(q: string, filters: Record<string, string> = {}): Promise<string[]> {
  const p = await browser.newPage();
  await p.goto(`${site.url}/courbe.html`);
  // As a string: the test runner would rewrite an import() written in a function.
  const urls = await p.evaluate<string[]>(`(async () => {
    const pf = await import('/pagefind/pagefind.js');
    const r = await pf.search(${JSON.stringify(q)}, { filters: ${JSON.stringify(filters)} });
    return Promise.all(r.results.map(async (x) => (await x.data()).url));
  })()`);
  await p.close();
  return urls.sort();
}

describe('the search index', () => {
  it('finds a word after a typographic apostrophe', async () => {
    expect(await chercher('atelier')).toEqual(['/courbe.html', '/droite.html']);
  });

  it('keeps filter values as written, typographic apostrophes included', async () => {
    expect(await chercher('atelier', { type: 'Lieu d’accueil' })).toEqual(['/courbe.html', '/droite.html']);
  });

  it('changes apostrophes in text only, never in attributes', () => {
    expect(apostrophesDroites('<p title="l’a">l’atelier</p>')).toBe('<p title="l’a">l\'atelier</p>');
  });
});

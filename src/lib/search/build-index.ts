/**
 * Build: Indexes a built site with Pagefind's Node API. Shared by the build (src/integrations/pagefind.ts)
 * and the benchmark, which indexes a temporary copy of dist/ with 10,000 generated pages.
 */
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { rechunkIndex } from './index-chunks.ts';
import { ecriture } from './query-words.ts';
import { writeSearchWords } from './index-words.ts';

export type IndexBuilt = {
  pages: number;
  ms: number;
  /** Word chunks as Pagefind wrote them, and after re-cutting (src/lib/search/index-chunks.ts), which took `rechunkMs`. */
  chunks: { before: number; after: number; rechunkMs: number };
};

export async function buildSearchIndex(siteDir: string): Promise<IndexBuilt> {
  const started = performance.now();
  // The language comes from <html lang="fr">: French stemming, so "formations" finds "formation".
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind : ${errors.join('; ')}`);
  try {
    for (const file of await htmlFiles(siteDir)) {
      const sourcePath = path.relative(siteDir, file).split(path.sep).join('/');
      const added = await index.addHTMLFile({ sourcePath, content: texteIndexe(await readFile(file, 'utf8')) });
      if (added.errors.length > 0) throw new Error(`Pagefind : ${sourcePath} : ${added.errors.join('; ')}`);
    }
    const written = await index.writeFiles({ outputPath: path.join(siteDir, 'pagefind') });
    if (written.errors.length > 0) throw new Error(`Pagefind : ${written.errors.join('; ')}`);
    await removePrebuiltUi(written.outputPath);
    // Pagefind's word chunks hold 20,000 positions each (~30 KB): smaller ones, so a rare word costs a few KB.
    const rechunkStart = performance.now();
    const chunks = await rechunkIndex(written.outputPath);
    const rechunkMs = Math.round(performance.now() - rechunkStart);
    await writeSearchWords(siteDir, written.outputPath);
    return {
      pages: await indexedPages(written.outputPath),
      ms: Math.round(performance.now() - started),
      chunks: { ...chunks, rechunkMs },
    };
  } finally {
    await pagefind.close();
  }
}

/** A page's HTML as Pagefind reads it: straight apostrophes, and Arabic script as queries are written (ecriture). */
export function texteIndexe(html: string): string {
  const lang = /<html[^>]*\slang="([^"]+)"/.exec(html)?.[1] ?? 'fr';
  const texte = apostrophesDroites(html);
  return lang === 'fr' ? texte : texte.replace(/>[^<]*</g, (t) => ecriture(t, lang));
}

/**
 * Pagefind 1.6 keeps "l’atelier" (typographic apostrophe) as one word, so "atelier" would not find it; with a
 * straight apostrophe it indexes "l" and "atelier". Text only: filter and metadata values in attributes stay
 * as the search page's controls write them.
 */
export function apostrophesDroites(html: string): string {
  return html.replace(/>[^<]*</g, (texte) => texte.replace(/[’‘]/g, "'"));
}

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.html') && !e.parentPath.split(path.sep).includes('pagefind'))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

/** Pages actually indexed: every HTML file is added, including those kept out of search. */
async function indexedPages(outputPath: string): Promise<number> {
  const entry = JSON.parse(await readFile(path.join(outputPath, 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  return Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
}

/** We use the JS API with our own interface: Pagefind's prebuilt UIs (~300 KB) need not be shipped. */
async function removePrebuiltUi(outputPath: string): Promise<void> {
  const unused = /^pagefind-(ui|component-ui|modular-ui|highlight)\./;
  for (const name of await readdir(outputPath)) {
    if (unused.test(name)) await rm(path.join(outputPath, name));
  }
}

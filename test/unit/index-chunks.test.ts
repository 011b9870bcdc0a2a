/**
 * Re-cutting Pagefind's word index into small chunks (src/lib/search/index-chunks.ts), on a real index written by
 * Pagefind: no word is lost or changed, each word sits in the one chunk Pagefind's lookup rule picks for it,
 * and the entry file points at the rewritten metadata. Searching the re-cut index in Chromium:
 * test/e2e/search-index.test.ts.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeCbor, rechunkIndex } from '../../src/lib/search/index-chunks.ts';

let dir: string;
const out = () => path.join(dir, 'pagefind');
const SYLLABES = ['ma', 'lo', 'ri', 'ke', 'bel', 'an', 'tou', 'ven', 'gal', 'zo', 'nic', 'ter', 'bra', 'lin'];

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'morceaux-'));
  // 120 pages of common words and invented ones: enough words for several chunks of Pagefind's own size.
  for (let i = 0; i < 120; i++) {
    const mots = Array.from({ length: 400 }, (_, k) => {
      const n = (i * 7919 + k * 104729) % 5000;
      return k % 3 ? `${SYLLABES[n % 14]}${SYLLABES[Math.floor(n / 14) % 14]}${SYLLABES[Math.floor(n / 196) % 14]}` : 'atelier';
    });
    const html = `<!doctype html><html lang="fr"><head><title>Page ${i}</title></head><body><main data-pagefind-body><h1>Page ${i}</h1><p>${mots.join(' ')}</p></main></body></html>`;
    await writeFile(path.join(dir, `p${i}.html`), html);
  }
  const { index } = await pagefind.createIndex({});
  await index!.addDirectory({ path: dir });
  await index!.writeFiles({ outputPath: out() });
  await pagefind.close();
});
afterAll(() => rm(dir, { recursive: true, force: true }));

type Chunk = [from: string, to: string, hash: string];

async function lire(): Promise<{ chunks: Chunk[]; words: { word: string; chunk: number; raw: string }[] }> {
  const entry = JSON.parse(await readFile(path.join(out(), 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { hash: string }>;
  };
  const hash = Object.values(entry.languages)[0]!.hash;
  const meta = decodeCbor(gunzipSync(await readFile(path.join(out(), `pagefind.${hash}.pf_meta`))).subarray(12)) as unknown[];
  const chunks = meta[2] as Chunk[];
  const words: { word: string; chunk: number; raw: string }[] = [];
  for (const [i, [, , h]] of chunks.entries()) {
    const [list] = decodeCbor(gunzipSync(await readFile(path.join(out(), 'index', `${h}.pf_index`))).subarray(12)) as [
      unknown[][],
    ];
    for (const w of list) words.push({ word: w[0] as string, chunk: i, raw: JSON.stringify(w) });
  }
  return { chunks, words };
}

/** Pagefind's lookup (pagefind_web request_indexes): the first chunk with from <= term <= to, in byte order. */
const chunkFor = (chunks: Chunk[], term: string) =>
  chunks.findIndex(
    ([from, to]) =>
      Buffer.compare(Buffer.from(term), Buffer.from(from)) >= 0 && Buffer.compare(Buffer.from(term), Buffer.from(to)) <= 0,
  );

describe('word index cut into small chunks', () => {
  it('keeps every word and its positions, in order, each where Pagefind will look for it', async () => {
    const avant = await lire();
    expect(avant.chunks.length).toBeGreaterThanOrEqual(2);
    const { before, after } = await rechunkIndex(out(), 4_000);
    const apres = await lire();

    expect(before).toBe(avant.chunks.length);
    expect(after).toBe(apres.chunks.length);
    expect(apres.chunks.length).toBeGreaterThan(avant.chunks.length * 3);
    expect(apres.words.map((w) => w.raw)).toEqual(avant.words.map((w) => w.raw));
    for (const w of apres.words) expect(chunkFor(apres.chunks, w.word), w.word).toBe(w.chunk);
    // The old files are gone: only the chunks the metadata lists are served.
    const fichiers = (await readdir(path.join(out(), 'index'))).sort();
    expect(fichiers).toEqual(apres.chunks.map(([, , h]) => `${h}.pf_index`).sort());
    expect((await readdir(out())).filter((f) => f.endsWith('.pf_meta'))).toHaveLength(1);
  });

  it('looks a term typed in full up in the chunk of its stem, and every term up in some chunk', async () => {
    const { chunks, words } = await lire();
    const chunkOf = new Map(words.map((w) => [w.word, w.chunk]));
    // Pagefind looks terms up unstemmed: "ateliers" must load the chunk of "atelier", as "deuxieme" that of "deuxiem".
    for (const w of words.filter((x) => [...x.word].length >= 4)) {
      for (const suffixe of ['e', 's', 'es', 'ent']) {
        const terme = w.word + suffixe;
        const racine = [...terme].map((_, k) => terme.slice(0, terme.length - k)).find((p) => chunkOf.has(p))!;
        expect(chunkFor(chunks, terme), terme).toBe(chunkOf.get(racine));
      }
    }
    for (const terme of ['', '0', 'a', 'zzzz', 'œuvre', 'ﬀ']) expect(chunkFor(chunks, terme), terme).toBeGreaterThanOrEqual(0);
  });

  it('keeps each compressed chunk small, except a word too frequent to split', async () => {
    const { chunks, words } = await lire();
    for (const [i, [, , h]] of chunks.entries()) {
      const size = (await readFile(path.join(out(), 'index', `${h}.pf_index`))).length;
      const seul = words.filter((w) => w.chunk === i).length === 1;
      if (!seul) expect(size, h).toBeLessThan(3_000);
    }
  });

  it('refuses files that are not a Pagefind index rather than writing a broken one', async () => {
    const autre = await mkdtemp(path.join(tmpdir(), 'morceaux-'));
    const entree = (version: string) => JSON.stringify({ version, languages: { fr: { hash: 'fr_0' } } });
    await writeFile(path.join(autre, 'pagefind-entry.json'), entree('1.6.0'));
    await writeFile(path.join(autre, 'pagefind.fr_0.pf_meta'), Buffer.from('pas un index'));
    await expect(rechunkIndex(autre)).rejects.toThrow();
    // Another version of Pagefind may write other files: refused until this module is checked against it.
    await writeFile(path.join(autre, 'pagefind-entry.json'), entree('2.0.0'));
    await expect(rechunkIndex(autre)).rejects.toThrow(/Pagefind 2\.0\.0/);
    await rm(autre, { recursive: true, force: true });
  });
});

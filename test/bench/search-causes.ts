/**
 * Why a search query costs what it costs (issue 11): what a Pagefind index is made of, read from its files.
 * Pagefind 1.6 cuts the word index into chunks of 20,000 word positions (a constant in its indexer), so every
 * word searched loaded at least one ~30 KB chunk, however rare the word; src/lib/search/index-chunks.ts re-cuts them
 * to ~3 KB. What remains large is a frequent word ("de", "formation"): its chunk holds all its positions.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { decodeCbor } from '../../src/lib/search/index-chunks.ts';

export type IndexCauses = {
  chunks: number;
  chunkMedian: number;
  chunkMax: number;
  /** The largest chunks and the words they span (after stemming). */
  largest: { from: string; to: string; bytes: number }[];
  metaBytes: number;
  pages: number;
  fragmentMedian: number;
};

/** Reads pagefind/ in `siteDir`: chunk sizes from the metadata's chunk list, fragment sizes, metadata size. */
export async function indexCauses(siteDir: string): Promise<IndexCauses> {
  const dir = path.join(siteDir, 'pagefind');
  const metaFile = (await readdir(dir)).find((f) => f.endsWith('.pf_meta'))!;
  const metaGz = await readFile(path.join(dir, metaFile));
  const [, pages, chunks] = decodeCbor(gunzipSync(metaGz).subarray('pagefind_dcd'.length)) as [
    string,
    unknown[],
    [string, string, string][],
  ];
  const sized = await Promise.all(
    chunks.map(async ([from, to, hash]) => ({ from, to, bytes: (await stat(path.join(dir, 'index', `${hash}.pf_index`))).size })),
  );
  const bytes = sized.map((c) => c.bytes).sort((a, b) => a - b);
  const fragments = await readdir(path.join(dir, 'fragment'));
  const sample = await Promise.all(fragments.slice(0, 500).map(async (f) => (await stat(path.join(dir, 'fragment', f))).size));
  return {
    chunks: sized.length,
    chunkMedian: median(bytes),
    chunkMax: bytes.at(-1) ?? 0,
    largest: [...sized].sort((a, b) => b.bytes - a.bytes).slice(0, 5),
    metaBytes: metaGz.length,
    pages: pages.length,
    fragmentMedian: median(sample.sort((a, b) => a - b)),
  };
}

const median = (xs: number[]) => xs[Math.floor(xs.length / 2)] ?? 0;

/**
 * Run by `npm run build` last: writes a brotli (.br) and a gzip (.gz) copy beside every text file of the
 * built site, at the best levels, once. The Node server sends them as they are (node/built-site.ts,
 * `precompressed`); the Worker's assets ignore them (.assetsignore: Cloudflare compresses at its edge).
 * Usage: node functions/build-compress.ts [distDir]
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

/** Text types: what the server would otherwise compress on the fly. */
const TEXT = /\.(html|css|js|mjs|json|xml|svg|txt|webmanifest|ics|csv|ya?ml|map)$/;
/** Below this the compressed copy saves less than a packet. */
const MIN_BYTES = 512;
/** Above this, brotli's best level costs seconds for a gain of a few per cent (the editor's 5 MB bundle). */
const BEST_LEVEL_MAX_BYTES = 512 * 1024;

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

async function compressFile(file: string): Promise<number> {
  const body = await readFile(file);
  if (body.length < MIN_BYTES) return 0;
  const best = body.length <= BEST_LEVEL_MAX_BYTES;
  const [br, gz] = await Promise.all([
    brotliAsync(body, {
      params: { [constants.BROTLI_PARAM_QUALITY]: best ? 11 : 9, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
    }),
    gzipAsync(body, { level: 9 }),
  ]);
  await Promise.all([writeFile(`${file}.br`, br), writeFile(`${file}.gz`, gz)]);
  return 1;
}

export async function precompress(distDir: string): Promise<number> {
  const files = (await readdir(distDir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile() && TEXT.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
  // Compression runs on libuv's thread pool: all files queued at once keep every core busy.
  const written = await Promise.all(files.map(compressFile));
  // Wrangler uploads dist/ as the Worker's assets: the copies stay out of it.
  await writeFile(path.join(distDir, '.assetsignore'), '*.br\n*.gz\n');
  return written.reduce((a, b) => a + b, 0);
}

if (import.meta.main) {
  const distDir = path.resolve(process.argv[2] ?? 'dist');
  const started = performance.now();
  const n = await precompress(distDir);
  console.log(`${n} fichiers texte compressés (brotli, gzip) en ${Math.round(performance.now() - started)} ms.`);
}

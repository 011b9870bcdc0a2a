/**
 * Brotli or gzip for text responses the build did not compress: dynamic answers on the fly at a fast level.
 * Static files go out as the build compressed them (build-compress.ts, served by node/built-site.ts); one
 * without its copies (a site built before them) is compressed once per build and kept in memory until
 * another build is swapped in (`generation`).
 * Compression runs on libuv's thread pool, never on the event loop: the editor's 5 MB bundle takes tens of
 * seconds at brotli's best level, and no other request (a form submission above all) may wait behind it.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml|manifest\+json)|image\/svg\+xml)/;
const MIN_BYTES = 512;
/** Above this, brotli's best level costs seconds for a gain of a few per cent: a good level is enough. */
const BEST_LEVEL_MAX_BYTES = 512 * 1024;

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

type Encoding = 'br' | 'gzip';

function pick(acceptEncoding: string | undefined): Encoding | undefined {
  const accepted = (acceptEncoding ?? '').split(',').map((s) => s.trim().split(';')[0]);
  if (accepted.includes('br')) return 'br';
  if (accepted.includes('gzip')) return 'gzip';
  return undefined;
}

function encode(body: Buffer, encoding: Encoding, staticFile: boolean): Promise<Buffer> {
  const best = staticFile && body.length <= BEST_LEVEL_MAX_BYTES;
  if (encoding === 'gzip') return gzipAsync(body, { level: best ? 9 : 6 });
  return brotliAsync(body, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: best ? 11 : staticFile ? 9 : 5,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
    },
  });
}

export function compression({
  cacheStatic,
  generation = () => '',
}: {
  /** True only for an answer the built files gave (never a dynamic page: a private link, /_sante, a form's answer). */
  cacheStatic: (c: Context) => boolean;
  /** The build this request is served from (node/built-site.ts): a new one empties the cache. */
  generation?: (c: Parameters<MiddlewareHandler>[0]) => string;
}): MiddlewareHandler {
  // Promises, so that requests arriving while a file is being compressed wait for that one compression.
  const cache = new Map<string, Promise<Buffer>>();
  let cachedGeneration = '';
  return async (c, next) => {
    await next();
    const built = generation(c);
    if (built !== cachedGeneration) {
      cache.clear();
      cachedGeneration = built;
    }
    const type = c.res.headers.get('content-type') ?? '';
    if (!/accept-encoding/i.test(c.res.headers.get('Vary') ?? '')) c.res.headers.append('Vary', 'Accept-Encoding');
    const encoding = pick(c.req.header('accept-encoding'));
    if (!encoding || !c.res.body || c.res.headers.has('content-encoding') || !COMPRESSIBLE.test(type)) return;
    if (c.req.header('range')) return;
    const cacheable = c.req.method === 'GET' && c.res.status === 200 && cacheStatic(c);
    const key = `${built}:${encoding}:${c.req.path}`;
    let compressing = cacheable ? cache.get(key) : undefined;
    if (!compressing) {
      const body = Buffer.from(await c.res.arrayBuffer());
      if (body.length < MIN_BYTES) {
        c.res = new Response(body, c.res);
        return;
      }
      compressing = encode(body, encoding, cacheable);
      if (cacheable) {
        cache.set(key, compressing);
        compressing.catch(() => cache.delete(key));
      }
    } else {
      await c.res.body?.cancel();
    }
    const compressed = await compressing;
    const status = c.res.status;
    // Hono copies the old response's headers onto the new one: set ours afterwards.
    c.res = new Response(new Uint8Array(compressed), { status });
    c.res.headers.set('Content-Type', type);
    c.res.headers.set('Content-Encoding', encoding);
    c.res.headers.set('Content-Length', String(compressed.length));
  };
}

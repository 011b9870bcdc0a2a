/**
 * Brotli or gzip for text responses. A static file is compressed once per build (brotli at its best
 * level) and kept in memory until another build is swapped in (`generation`); other answers are
 * compressed on the fly at a fast level.
 */
import type { MiddlewareHandler } from 'hono';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml|manifest\+json)|image\/svg\+xml)/;
const MIN_BYTES = 512;

type Encoding = 'br' | 'gzip';

function pick(acceptEncoding: string | undefined): Encoding | undefined {
  const accepted = (acceptEncoding ?? '').split(',').map((s) => s.trim().split(';')[0]);
  if (accepted.includes('br')) return 'br';
  if (accepted.includes('gzip')) return 'gzip';
  return undefined;
}

function encode(body: Buffer, encoding: Encoding, best: boolean): Buffer {
  if (encoding === 'gzip') return gzipSync(body, { level: best ? 9 : 6 });
  return brotliCompressSync(body, {
    params: { [constants.BROTLI_PARAM_QUALITY]: best ? 11 : 5, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
  });
}

export function compression({
  cacheStatic,
  generation = () => '',
}: {
  cacheStatic: (path: string, method: string, status: number) => boolean;
  /** The build this request is served from (node/built-site.ts): a new one empties the cache. */
  generation?: (c: Parameters<MiddlewareHandler>[0]) => string;
}): MiddlewareHandler {
  const cache = new Map<string, Buffer>();
  let cachedGeneration = '';
  return async (c, next) => {
    await next();
    const built = generation(c);
    if (built !== cachedGeneration) {
      cache.clear();
      cachedGeneration = built;
    }
    const type = c.res.headers.get('content-type') ?? '';
    c.res.headers.append('Vary', 'Accept-Encoding');
    const encoding = pick(c.req.header('accept-encoding'));
    if (!encoding || !c.res.body || c.res.headers.has('content-encoding') || !COMPRESSIBLE.test(type)) return;
    if (c.req.header('range')) return;
    const cacheable = cacheStatic(c.req.path, c.req.method, c.res.status);
    const key = `${encoding}:${c.req.path}`;
    let compressed = cacheable ? cache.get(key) : undefined;
    if (!compressed) {
      const body = Buffer.from(await c.res.arrayBuffer());
      if (body.length < MIN_BYTES) {
        c.res = new Response(body, c.res);
        return;
      }
      compressed = encode(body, encoding, cacheable);
      if (cacheable) cache.set(key, compressed);
    }
    const status = c.res.status;
    // Hono copies the old response's headers onto the new one: set ours afterwards.
    c.res = new Response(new Uint8Array(compressed), { status });
    c.res.headers.set('Content-Type', type);
    c.res.headers.set('Content-Encoding', encoding);
    c.res.headers.set('Content-Length', String(compressed.length));
  };
}

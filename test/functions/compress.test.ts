/**
 * Compressing a large static file must not stop the server: a request that arrives meanwhile (a form
 * submission, another page) is answered first. Before, the editor's 5 MB bundle held every request for
 * about 30 s at brotli's best level.
 */
import { Hono } from 'hono';
import { brotliDecompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { compression } from '../../functions/node/compress.ts';

function text(bytes: number): string {
  // Words drawn from a small French vocabulary by a fixed sequence: text-like, slow to compress well.
  const words = ['quartier', 'référent', 'permanence', 'formation', 'session', 'inscription', 'lieu', 'aide'];
  let seed = 7;
  let out = '';
  while (out.length < bytes) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    out += `${words[seed % words.length]}${seed % 97} `;
  }
  return out.slice(0, bytes);
}

describe('compression of static files', () => {
  const large = text(500 * 1024);
  const app = new Hono();
  app.use(compression({ cacheStatic: (p) => p !== '/dynamique' }));
  app.get('/gros.js', (c) => c.body(large, 200, { 'Content-Type': 'text/javascript' }));
  app.get('/petit.html', (c) => c.html(text(4096)));

  it('answers a request that arrives while a large file is being compressed', async () => {
    const order: string[] = [];
    const headers = { 'Accept-Encoding': 'br' };
    const big = Promise.resolve(app.request('/gros.js', { headers })).then(async (r) => {
      order.push('gros');
      return r;
    });
    const small = new Promise<Response>((resolve) => setTimeout(resolve, 50)).then(() =>
      Promise.resolve(app.request('/petit.html', { headers })).then((r) => {
        order.push('petit');
        return r;
      }),
    );
    const [bigResponse, smallResponse] = await Promise.all([big, small]);
    expect(order).toEqual(['petit', 'gros']);
    expect(smallResponse.status).toBe(200);
    expect(bigResponse.headers.get('content-encoding')).toBe('br');
    expect(brotliDecompressSync(Buffer.from(await bigResponse.arrayBuffer())).toString()).toBe(large);
  });

  it('gives requests arriving together the same, complete compressed file', async () => {
    const headers = { 'Accept-Encoding': 'gzip' };
    const answers = await Promise.all([1, 2, 3].map(async () => app.request('/gros.js', { headers })));
    const bodies = await Promise.all(answers.map(async (r) => Buffer.from(await r.arrayBuffer())));
    expect(new Set(answers.map((r) => r.headers.get('content-encoding')))).toEqual(new Set(['gzip']));
    expect(bodies[1]!.equals(bodies[0]!) && bodies[2]!.equals(bodies[0]!)).toBe(true);
  });
});

/**
 * Compressing a large static file must not stop the server: a request that arrives meanwhile (a form
 * submission, another page) is answered first. Before, the editor's 5 MB bundle held every request for
 * about 30 s at brotli's best level. And only the built files are kept compressed: a page that changes
 * (a resident's private link) is never answered from that cache.
 */
import { Hono } from 'hono';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { startServer } from '../../functions/node.ts';
import { compression } from '../../functions/node/compress.ts';
import { answers } from '../e2e/forms-helpers.ts';

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
  app.use(compression({ cacheStatic: (c) => c.req.path !== '/dynamique' }));
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

describe('the compressed cache on the server', () => {
  it('keeps the built files, never a page that changes: a private link read after a cancellation says so', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'compress-'));
    const dist = path.join(dir, 'dist');
    mkdirSync(dist);
    writeFileSync(
      path.join(dist, 'index.html'),
      `<!doctype html><html lang="fr"><title>Accueil</title><p>${text(4096)}</p></html>`,
    );
    writeFileSync(
      path.join(dist, 'fabrique-build.json'),
      JSON.stringify({ mode: 'demonstration', builtAt: new Date().toISOString() }),
    );
    const server = await startServer({ dbPath: path.join(dir, 'db.sqlite'), distDir: dist, mode: 'demonstration', port: 0 });
    const br = { 'accept-encoding': 'br' };
    try {
      const home = [await fetch(`${server.url}/`, { headers: br }), await fetch(`${server.url}/`, { headers: br })];
      expect(home.map((r) => r.headers.get('content-encoding'))).toEqual(['br', 'br']);
      const signUp = await fetch(`${server.url}/f/inscription-formation`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', origin: server.url },
        body: JSON.stringify(answers('inscription-formation')),
      });
      const link = new URL(((await signUp.json()) as { next: string }).next).pathname;
      const before = await fetch(`${server.url}${link}`, { headers: br });
      expect(before.headers.get('content-encoding')).toBe('br');
      expect(await before.text()).toContain('Annuler mon inscription');
      const cancel = await fetch(`${server.url}${link}/annuler`, {
        method: 'POST',
        headers: { origin: server.url, 'content-type': 'application/x-www-form-urlencoded' },
        redirect: 'manual',
      });
      expect(cancel.status).toBe(303);
      const after = await (await fetch(`${server.url}${link}`, { headers: br })).text();
      expect(after).toContain('Annulée');
      expect(after).not.toContain('Annuler mon inscription');
    } finally {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

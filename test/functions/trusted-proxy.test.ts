/**
 * Issue 8: behind a reverse proxy every request comes from the proxy's address. The rate limit must
 * follow the visitor (X-Forwarded-For from a trusted proxy only), or one client blocks a form for all.
 * Real server, real sockets; the "proxy" is this test, connecting from 127.0.0.1.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { clientAddress } from '../../functions/node/client-address.ts';
import { startServer, type RunningServer } from '../../functions/node.ts';
import { urlEncoded, validSubmissions } from '../fixtures/valid-submissions.ts';

let server: RunningServer | undefined;
let dir: string | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function serve(trustedProxies: string[]) {
  dir = mkdtempSync(path.join(tmpdir(), 'proxy-'));
  server = await startServer({
    dbPath: path.join(dir, 'db.sqlite'),
    distDir: path.join(dir, 'dist'),
    rateLimit: { max: 2, windowMs: 60_000 },
    trustedProxies,
  });
  return server;
}
const post = (s: RunningServer, forwardedFor?: string) =>
  fetch(`${s.url}/f/agir`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'application/json',
      origin: s.url,
      ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}),
    },
    body: urlEncoded(validSubmissions.agir),
  });

describe('rate limit behind a trusted reverse proxy', () => {
  it('one visitor reaching the limit does not block another', async () => {
    const s = await serve(['127.0.0.1']);
    for (let i = 0; i < 2; i++) expect((await post(s, '203.0.113.10')).status).toBe(200);
    expect((await post(s, '203.0.113.10')).status).toBe(429);
    expect((await post(s, '203.0.113.20')).status).toBe(200);
    // A visitor cannot choose its address: the proxy appends the real one at the right.
    expect((await post(s, '203.0.113.20, 203.0.113.10')).status).toBe(429);
  });

  it('without a trusted proxy the header is ignored: a direct client cannot dodge its limit', async () => {
    const s = await serve([]);
    expect((await post(s, '198.51.100.1')).status).toBe(200);
    expect((await post(s, '198.51.100.2')).status).toBe(200);
    expect((await post(s, '198.51.100.3')).status).toBe(429);
  });
});

describe('X-Forwarded-Proto from a trusted proxy only (issue 17, item 7)', () => {
  const postJson = (s: RunningServer, headers: Record<string, string>) =>
    fetch(`${s.url}/f/agir`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', origin: s.url, ...headers },
      body: JSON.stringify(validSubmissions.agir),
    });

  it('behind the TLS proxy the JSON answer’s `next` is https', async () => {
    const s = await serve(['127.0.0.1']);
    const res = await postJson(s, { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.30' });
    expect(res.status).toBe(200);
    const { next } = (await res.json()) as { next: string };
    expect(next).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/formulaires\/agir\/merci\/$/);
  });

  it('from anyone else the header is ignored', async () => {
    const s = await serve([]);
    const res = await postJson(s, { 'x-forwarded-proto': 'https' });
    expect(((await res.json()) as { next: string }).next).toMatch(/^http:\/\//);
  });

  it('an odd value is ignored', async () => {
    const s = await serve(['127.0.0.1']);
    const res = await postJson(s, { 'x-forwarded-proto': 'javascript' });
    expect(((await res.json()) as { next: string }).next).toMatch(/^http:\/\//);
  });
});

describe('clientAddress', () => {
  const trusted = new Set(['10.0.0.1', '10.0.0.2']);
  it.each([
    ['10.0.0.1', '203.0.113.5', '203.0.113.5'],
    ['10.0.0.1', '198.51.100.9, 203.0.113.5, 10.0.0.2', '203.0.113.5'],
    ['10.0.0.1', 'n’importe quoi', '10.0.0.1'],
    ['::ffff:10.0.0.1', '203.0.113.5', '203.0.113.5'],
    ['192.0.2.1', '203.0.113.5', '192.0.2.1'],
    ['10.0.0.1', undefined, '10.0.0.1'],
  ])('socket %s, X-Forwarded-For %s → %s', (socket, header, expected) => {
    expect(clientAddress(socket, header, trusted)).toBe(expected);
  });
});

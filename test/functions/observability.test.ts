/**
 * Issue 8, item 7: one structured log line per request without personal data, a health endpoint that
 * proves the store takes a write, and counters the staff command reads. Real server, real SQLite.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { LogEntry } from '../../functions/deps.ts';
import { HEALTH_REUSE_MS } from '../../functions/health.ts';
import { startServer, type RunningServer } from '../../functions/node.ts';
import type { SqliteStoreOptions } from '../../functions/store/sqlite.ts';
import { submissionsCommand } from '../../functions/staff/submissions-cli.ts';
import { urlEncoded, validSubmissions } from '../fixtures/valid-submissions.ts';

let server: RunningServer | undefined;
let dir: string;
afterEach(async () => {
  await server?.close();
  server = undefined;
  rmSync(dir, { recursive: true, force: true });
});
async function serve(logs: LogEntry[] = [], store?: SqliteStoreOptions) {
  dir = mkdtempSync(path.join(tmpdir(), 'obs-'));
  server = await startServer({
    dbPath: path.join(dir, 'db.sqlite'),
    distDir: path.join(dir, 'dist'),
    log: (e) => logs.push(e),
    store,
  });
  return server;
}
const post = (s: RunningServer, key: string, body: string, extra: Record<string, string> = {}) =>
  fetch(`${s.url}/f/${key}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', origin: s.url, ...extra },
    body,
  });

describe('request log', () => {
  it('one line per request: form, status, outcome, duration; no value, no address, no unknown key', async () => {
    const logs: LogEntry[] = [];
    const s = await serve(logs);
    const aide = validSubmissions['demande-aide'];
    await post(s, 'demande-aide', urlEncoded(aide));
    await post(s, 'agir', 'nom=Yann&email=pas-une-adresse');
    await post(s, 'formulaire-secret-de-jean', urlEncoded(aide));
    expect(logs).toEqual([
      { method: 'POST', route: '/f/:formKey', form: 'demande-aide', status: 200, outcome: 'accepte', ms: expect.any(Number) },
      { method: 'POST', route: '/f/:formKey', form: 'agir', status: 422, outcome: 'invalide', ms: expect.any(Number) },
      {
        method: 'POST',
        route: '/f/:formKey',
        form: '(inconnu)',
        status: 404,
        outcome: 'formulaire_inconnu',
        ms: expect.any(Number),
      },
    ]);
    const text = JSON.stringify(logs);
    for (const secret of [aide.message, aide.telephone, '127.0.0.1', 'jean']) expect(text).not.toContain(secret);
  });
});

describe('health endpoint', () => {
  // The lock is taken before the first probe: a later lock would show only once the healthy answer is
  // 5 s old (its reuse, health.test.ts, on a clock of its own), and a failing one is reused for 1 s only.
  it('503 with a French word when the store cannot take a write, 200 once it can; never cached', async () => {
    const s = await serve([], { busyTimeoutMs: 300 });
    // Another process holds the write lock past the busy timeout, as a stuck backup would.
    const { DatabaseSync } = await import('node:sqlite');
    // Its timeout: the server may still be writing as it starts (its first jobs).
    const other = new DatabaseSync(path.join(dir, 'db.sqlite'), { timeout: 5_000 });
    other.exec('BEGIN IMMEDIATE');
    try {
      const down = await fetch(`${s.url}/_sante`);
      expect(down.status).toBe(503);
      expect(down.headers.get('cache-control')).toBe('no-store');
      expect(await down.json()).toMatchObject({ ok: false, stockage: 'indisponible', notifications: null });
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    const deadline = performance.now() + HEALTH_REUSE_MS.failing + 3_000;
    let ok = await fetch(`${s.url}/_sante`);
    while (ok.status !== 200 && performance.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      ok = await fetch(`${s.url}/_sante`);
    }
    expect(ok.status).toBe(200);
    expect(ok.headers.get('cache-control')).toBe('no-store');
    expect(await ok.json()).toMatchObject({ ok: true, stockage: 'inscriptible' });
  }, 20_000);
});

describe('counters', () => {
  it('accepted and refused by reason, written by the server, read by the staff command', async () => {
    const s = await serve();
    await post(s, 'agir', urlEncoded(validSubmissions.agir));
    await post(s, 'agir', urlEncoded(validSubmissions.agir));
    await post(s, 'agir', 'nom=Yann&email=pas-une-adresse');
    await post(s, 'agir', urlEncoded(validSubmissions.agir), { origin: 'https://autre.example' });
    await post(s, 'agir', `${urlEncoded(validSubmissions.agir)}&_gotcha=robot`);
    await server!.close(); // writes the last counts
    server = undefined;
    const { code, out } = await submissionsCommand(['stats', '--db', path.join(dir, 'db.sqlite')], {
      now: new Date(),
      user: 'agent',
      env: {},
    });
    expect(code).toBe(0);
    expect(out).toMatch(/accepte\s+2\n/);
    expect(out).toMatch(/invalide\s+1\n/);
    expect(out).toMatch(/autre_site\s+1\n/);
    expect(out).toMatch(/spam\s+1\n/);
    expect(out).toMatch(/en attente\s+2\n/);
  });
});

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
import { submissionsCommand } from '../../functions/staff/submissions-cli.ts';
import { urlEncoded, validSubmissions } from '../fixtures/valid-submissions.ts';

let server: RunningServer | undefined;
let dir: string;
afterEach(async () => {
  await server?.close();
  server = undefined;
  rmSync(dir, { recursive: true, force: true });
});
async function serve(logs: LogEntry[] = []) {
  dir = mkdtempSync(path.join(tmpdir(), 'obs-'));
  server = await startServer({ dbPath: path.join(dir, 'db.sqlite'), distDir: path.join(dir, 'dist'), log: (e) => logs.push(e) });
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
  it('200 when the store takes a write, 503 with a French word when it cannot; never cached', async () => {
    const s = await serve();
    const ok = await fetch(`${s.url}/_sante`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('cache-control')).toBe('no-store');
    expect(await ok.json()).toMatchObject({ ok: true, stockage: 'inscriptible' });

    // Another process holds the write lock past the busy timeout, as a stuck backup would.
    const { DatabaseSync } = await import('node:sqlite');
    const other = new DatabaseSync(path.join(dir, 'db.sqlite'), { timeout: 0 });
    other.exec('BEGIN IMMEDIATE');
    // The answer is reused a few seconds (health.ts): the lock shows once the last probe's answer is old.
    const until = async (status: number) => {
      const deadline = performance.now() + HEALTH_REUSE_MS.ok + 3_000;
      let res = await fetch(`${s.url}/_sante`);
      while (res.status !== status && performance.now() < deadline) {
        await new Promise((r) => setTimeout(r, 100));
        res = await fetch(`${s.url}/_sante`);
      }
      return res;
    };
    try {
      const down = await until(503);
      expect(down.status).toBe(503);
      expect(await down.json()).toMatchObject({ ok: false, stockage: 'indisponible', notifications: null });
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect((await until(200)).status).toBe(200);
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

/**
 * Issue 17: the fault tests (faults.test.ts) once ran on SQLite only. On PostgreSQL (deployment path c) the
 * database can stop answering while the Node server runs: a submission then gets 503 with a French message
 * (never a 500, never a 200 without a write), the health check says 503, the site's pages are still served,
 * and once the database answers again the next submission is stored. The outage is real: the test's own
 * database refuses every connection (ALLOW_CONNECTIONS false) and the server's are ended, as when the
 * database restarts; the other tests' databases on the same server are untouched.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../functions/node.ts';
import { validSubmissions } from '../fixtures/valid-submissions.ts';
import { freshDatabase, noPostgres as checkPostgres, PG_URL } from './postgres-server.ts';

const noPostgres = await checkPostgres();
const distDir = path.resolve(import.meta.dirname, '../../dist');

/** Runs one statement on the server's maintenance database (not the one under test). */
async function admin(sql: string) {
  const c = new pg.Client({ connectionString: PG_URL });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

describe.skipIf(noPostgres)('PostgreSQL stops answering (path c)', () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let dir: string;
  let server: RunningServer;
  let name: string;
  beforeAll(async () => {
    db = await freshDatabase();
    name = new URL(db.url).pathname.slice(1);
    dir = mkdtempSync(path.join(tmpdir(), 'pg-panne-'));
    server = await startServer({ databaseUrl: db.url, auditLog: path.join(dir, 'audit.log'), distDir });
  }, 60_000);
  afterAll(async () => {
    await admin(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`).catch(() => {});
    await server?.close();
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  const submit = (body: unknown = validSubmissions.agir) =>
    fetch(`${server.url}/f/agir`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', origin: server.url },
      body: JSON.stringify(body),
    });

  it('503 with a French message, the health check says so, pages still served; stored again once it is back', async () => {
    expect((await submit()).status).toBe(200);

    await admin(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
    await admin(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${name}'`);

    const down = await submit();
    expect(down.status).toBe(503);
    const body = (await down.json()) as { errors: { message: string }[] };
    expect(body.errors[0]!.message).toMatch(/[a-zàâçéèêëîïôûù’ ]{12}/i);
    expect(down.headers.get('retry-after')).toBeTruthy();
    // The health answer is reused for a few seconds: wait for a fresh probe.
    let health = 200;
    for (let i = 0; i < 40 && health === 200; i++) {
      health = (await fetch(`${server.url}/_sante`)).status;
      if (health === 200) await new Promise((r) => setTimeout(r, 250));
    }
    expect(health).toBe(503);
    expect((await fetch(`${server.url}/`)).status).toBe(200);

    await admin(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`);
    const again = await submit();
    expect(again.status).toBe(200);
    const c = new pg.Client({ connectionString: db.url });
    await c.connect();
    try {
      // The first and the last: nothing half-written by the one refused.
      expect(Number((await c.query<{ n: string }>('SELECT count(*) AS n FROM submissions')).rows[0]!.n)).toBe(2);
      expect(Number((await c.query<{ n: string }>('SELECT count(*) AS n FROM outbox')).rows[0]!.n)).toBe(2);
    } finally {
      await c.end();
    }
  }, 60_000);
});

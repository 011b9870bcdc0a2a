/**
 * Two Node servers on one PostgreSQL database, as behind a load balancer: a submission posted to
 * either is stored once, a retry on the other instance is recognised, the rate limit counts a client
 * across both, and both answer the health check. Real servers, real sockets, a real PostgreSQL.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../functions/node.ts';
import { urlEncoded, validSubmissions } from '../fixtures/valid-submissions.ts';
import { freshDatabase, noPostgres as checkPostgres } from './postgres-server.ts';

const noPostgres = await checkPostgres();

describe.skipIf(noPostgres)('two Node instances on one PostgreSQL', () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let dir: string;
  let servers: RunningServer[] = [];
  beforeAll(async () => {
    db = await freshDatabase();
    dir = mkdtempSync(path.join(tmpdir(), 'instances-'));
    servers = await Promise.all(
      [1, 2].map(() =>
        startServer({
          databaseUrl: db.url,
          clientHashSecret: 'secret-partage-entre-les-instances-de-test',
          auditLog: path.join(dir, 'audit.log'),
          distDir: path.join(dir, 'dist'),
          rateLimit: { max: 3, windowMs: 60_000 },
        }),
      ),
    );
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const post = (s: RunningServer, body: string, form = 'agir') =>
    fetch(`${s.url}/f/${form}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', origin: s.url },
      body,
    });
  const count = async (sql: string) => {
    const c = new pg.Client({ connectionString: db.url });
    await c.connect();
    try {
      return Number((await c.query<{ n: string }>(sql)).rows[0]!.n);
    } finally {
      await c.end();
    }
  };

  it('both answer the health check', async () => {
    for (const s of servers) expect((await fetch(`${s.url}/_sante`)).status).toBe(200);
  });

  it('a retry on the other instance returns the first id; one submission, one notification', async () => {
    const body = urlEncoded({ ...validSubmissions.agir, _idempotency: 'cle-de-reessai-0001' });
    const [first, retry] = [await post(servers[0]!, body), await post(servers[1]!, body)];
    expect(first.status).toBe(200);
    expect(retry.status).toBe(200);
    const [a, b] = [(await first.json()) as { id: string }, (await retry.json()) as { id: string }];
    expect(b.id).toBe(a.id);
    expect(await count("SELECT count(*) AS n FROM submissions WHERE idempotency_key = 'cle-de-reessai-0001'")).toBe(1);
  });

  it('the rate limit counts a client across both instances', async () => {
    const body = urlEncoded(validSubmissions.e2c);
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await post(servers[i % 2]!, body, 'e2c')).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
  });
});

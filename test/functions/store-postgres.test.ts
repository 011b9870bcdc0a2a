/**
 * The PostgreSQL store: the shared contract, then what several instances on one database rely on:
 * migrations applied once by instances starting together, idempotency and rate limits across
 * instances, purge and delivery run by one instance at a time.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PG_MIGRATIONS } from '../../functions/store/postgres-migrations.ts';
import { MIGRATIONS } from '../../functions/store/sqlite-migrations.ts';
import { PostgresStore } from '../../functions/store/postgres.ts';
import { freshDatabase, noPostgres as checkPostgres } from './postgres-server.ts';

const noPostgres = await checkPostgres();
import { storeContract, submission } from './store-contract.ts';
import { postgresBackend, type TestBackend } from './harness-backends.ts';

// One database for the contract's tests, its tables emptied between them.
let shared: Promise<TestBackend> | undefined;
afterAll(async () => (await shared)?.close(false));
if (!noPostgres)
  storeContract('PostgreSQL', async () => {
    const reused = shared !== undefined;
    shared ??= postgresBackend();
    const backend = await shared;
    if (reused) await backend.empty();
    return { store: backend.store, cleanup: async () => {} };
  });

const team = { recipients: ['equipe@exemple.fr'] };

describe.skipIf(noPostgres)('PostgresStore: several instances on one database', () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let a: PostgresStore;
  let b: PostgresStore;
  beforeEach(async () => {
    db = await freshDatabase();
    // Two instances starting at the same moment: each migration is applied once.
    [a, b] = await Promise.all([PostgresStore.open(db.url), PostgresStore.open(db.url)]);
  });
  afterEach(async () => {
    await Promise.all([a.close(), b.close()]);
    await db.drop();
  });

  it('has the same migrations as SQLite, applied once and recorded', async () => {
    expect(PG_MIGRATIONS.length).toBe(MIGRATIONS.length);
    const { rows } = await a.pool.query('SELECT version FROM schema_migrations ORDER BY version');
    expect(rows.map((r: { version: number }) => r.version)).toEqual(PG_MIGRATIONS.map((_, i) => i + 1));
  });

  it('a retry on the other instance gets the first id; racing retries store one submission', async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).save(submission(`s${i}`, { idempotencyKey: 'cle-1' }), team)),
    );
    const first = results.find((r) => !r.duplicate)!;
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
    for (const r of results) expect(r.id).toBe(first.id);
    expect((await a.pool.query('SELECT count(*)::int AS n FROM outbox')).rows[0].n).toBe(1);
  });

  it('the last place, posted at once on both instances by 20 people: one place, 19 on the waiting list, none lost', async () => {
    const place = { session: 'creche/mars', capacity: 1 };
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).save(submission(`p${i}`, { place }), team)),
    );
    expect(results.filter((r) => r.waitingList === false)).toHaveLength(1);
    expect(results.filter((r) => r.waitingList === true)).toHaveLength(19);
    expect(await b.placesTaken()).toEqual({ 'creche/mars': 1 });
    expect((await a.pool.query('SELECT count(*)::int AS n FROM outbox')).rows[0].n).toBe(20);
  });

  it('batches holding several sessions in opposite orders on two instances never deadlock', async () => {
    const on = (session: string) => ({ place: { session, capacity: 5 } });
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        (i % 2 ? a : b).save(submission(`q${i}`, on(i % 4 < 2 ? 'creche/mars' : 'ecole/avril')), team),
      ),
    );
    expect(results.filter((r) => !r.waitingList)).toHaveLength(10);
    expect(await a.placesTaken()).toEqual({ 'creche/mars': 5, 'ecole/avril': 5 });
  });

  it('the rate limit holds across instances', async () => {
    const options = { max: 3, windowMs: 600_000 };
    const [la, lb] = [a.rateLimiter(options), b.rateLimiter(options)];
    const now = Date.parse('2027-01-15T10:00:00Z');
    const decisions = [];
    for (let i = 0; i < 4; i++) decisions.push(await (i % 2 ? la : lb).hit('agir:client', now + i));
    expect(decisions.map((d) => d.allowed)).toEqual([true, true, true, false]);
    expect(decisions[3]).toMatchObject({ retryAfterSeconds: 600 });
    // Another client, or the same one once the window is over, starts again.
    expect((await la.hit('agir:autre', now)).allowed).toBe(true);
    expect((await lb.hit('agir:client', now + 600_000)).allowed).toBe(true);
  });

  it('a job runs on one instance at a time: the other skips while it runs', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let runs = 0;
    let started!: () => void;
    const running = new Promise<void>((r) => (started = r));
    const first = a.runAlone('purge', async () => {
      runs++;
      started();
      await held;
    });
    // The first holds the lock once its job runs (no fixed sleep: a loaded CI took longer than 50 ms).
    await running;
    expect(await b.runAlone('purge', async () => void runs++)).toBe(false);
    // Another job is not held by it.
    expect(await b.runAlone('notifications', async () => {})).toBe(true);
    release();
    expect(await first).toBe(true);
    expect(await b.runAlone('purge', async () => void runs++)).toBe(true);
    expect(runs).toBe(2);
  });

  // Needs the cluster's folder (FABRIQUE_TEST_PG_DIR, set by .ci/run) to read its files, as a thief of the disk would.
  it.skipIf(!process.env.FABRIQUE_TEST_PG_DIR)(
    "erase: the bytes leave the table files (the inbox's notes too), not only the query results",
    async () => {
      for (let i = 0; i < 20; i++)
        await a.save(submission(`k${i}`, { content: { kind: 'clear', json: `{"m":"garde-${i}"}` } }), team);
      await a.save(submission('z', { content: { kind: 'clear', json: '{"m":"trace-9931-effacer"}' } }), team);
      // A team's note in clear on it (the inbox): erased with it, its bytes too.
      await a
        .equipe()
        .addNote({ submissionId: 'z', staffId: 'p1', at: '2026-12-04T10:00:00.000Z', text: 'trace-9931-effacer (note)' });
      await a.pool.query('CHECKPOINT');
      const oid = (await a.pool.query<{ oid: number }>('SELECT oid FROM pg_database WHERE datname = current_database()')).rows[0]!
        .oid;
      const tables = path.join(process.env.FABRIQUE_TEST_PG_DIR!, 'data', 'base', String(oid));
      const holds = () =>
        readdirSync(tables).some((f) => readFileSync(path.join(tables, f)).includes(Buffer.from('trace-9931-effacer')));
      expect(holds()).toBe(true);
      expect(await a.erase(['z'])).toEqual({ erased: 1, clean: true });
      await a.pool.query('CHECKPOINT');
      expect(holds()).toBe(false);

      // A transaction begun before the erasure still sees the row, and VACUUM FULL would copy it: the erasure waits
      // for it to end (a loaded CI once left the bytes behind a job's transaction).
      await a.save(submission('y', { content: { kind: 'clear', json: '{"m":"trace-9931-effacer"}' } }), team);
      const reader = await a.pool.connect();
      await reader.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
      await reader.query('SELECT count(*) FROM rate_limits'); // a snapshot, and no lock on the erased tables
      const erasure = a.erase(['y']);
      await new Promise((resolve) => setTimeout(resolve, 300));
      await reader.query('COMMIT');
      reader.release();
      expect(await erasure).toEqual({ erased: 1, clean: true });
      await a.pool.query('CHECKPOINT');
      expect(holds()).toBe(false);
    },
  );

  it('a database that cannot be reached fails the start with the reason', async () => {
    await expect(PostgresStore.open('postgres://postgres@127.0.0.1:1/rien')).rejects.toThrow(/ECONNREFUSED|connect/);
  });
});

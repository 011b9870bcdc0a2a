/**
 * A real app over a real store, with the fixture world and the repo's form settings. The back-end is
 * FABRIQUE_TEST_BACKEND: `sqlite` (default, a file in a temp folder), `postgres` (a fresh database on
 * the test server) or `d1`: the Worker itself (functions/worker.ts, bundled) on workerd with a local D1,
 * served by Miniflare and reached over HTTP. The same tests run against each (the vitest projects
 * `unit`, `unit-postgres`, `unit-d1`).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { createApp } from '../../functions/app.ts';
import type { AppConfig, LogEntry } from '../../functions/deps.ts';
import type { PageSource } from '../../functions/pages.ts';
import { PostgresStore } from '../../functions/store/postgres.ts';
import { SqliteStore, type SqliteStoreOptions } from '../../functions/store/sqlite.ts';
import type { SubmissionStore } from '../../functions/store/types.ts';
import { dropDatabase, freshDatabase } from './postgres-server.ts';
import pg from 'pg';
import { Miniflare } from 'miniflare';
import { D1Store, migrateD1, type D1Like } from '../../functions/store/d1.ts';
import type { RateLimit } from '../../functions/rate-limit.ts';

/** persistDir: the Worker's D1 kept on disk, for a harness that reopens it (a new deployment). */
type LocalD1 = { mf: Miniflare; db: D1Like; persistDir?: string };
/** A D1 database on the platform's local runtime (Miniflare, workerd), migrated. */
export async function localD1(): Promise<LocalD1> {
  const mf = new Miniflare({
    modules: true,
    script: 'export default { fetch() { return new Response(null, { status: 404 }) } }',
    compatibilityDate: COMPATIBILITY_DATE,
    d1Databases: ['DB'],
  });
  const db = (await mf.getD1Database('DB')) as unknown as D1Like;
  await migrateD1(db);
  return { mf, db };
}
import { loadFormSettings } from '../../src/lib/forms/load.ts';
import { content, NOW } from '../fixtures/forms-context.ts';
import { generateTeamKey } from '../../functions/seal/keys.ts';
import { importPrivateKey, openValues } from '../../functions/seal/open.ts';
import { FORM_KEYS } from '../../src/schemas/forms/index.ts';
import { COMPATIBILITY_DATE, startWorker } from './worker-server.ts';

export const ORIGIN = 'https://fabrique.test';
type Backend = 'sqlite' | 'postgres' | 'd1';
export const BACKEND: Backend = (['postgres', 'd1'] as const).find((b) => b === process.env.FABRIQUE_TEST_BACKEND) ?? 'sqlite';
/** On `d1` the server is the Worker: tests of the Node server (its jobs, its sockets) are skipped there. */
export const noNodeServer = BACKEND === 'd1';
/** On `d1` requests go to the Worker over HTTP, and the clock is the Worker's, pinned by FABRIQUE_AUJOURDHUI. */
export const onWorker = BACKEND === 'd1';
/** True on every back-end but SQLite: tests of what only SQLite has (its file, the staff command on it) skip then. */
export const notOnSqlite = BACKEND !== 'sqlite';
export const settings = await loadFormSettings(path.resolve(import.meta.dirname, '../../content'));

export type Harness = Awaited<ReturnType<typeof makeHarness>>;

export async function makeHarness(
  over: {
    rateLimit?: AppConfig['rateLimit'];
    pages?: PageSource;
    store?: SqliteStoreOptions;
    settings?: Partial<AppConfig['settings']>;
    /** Reopen an existing database file (as after a restart); it is then left in place by cleanup. */
    dbFile?: string;
    /** Reopen an existing PostgreSQL database (as after a restart); this harness then drops it at cleanup. */
    pgUrl?: string;
    /** This harness's back-end, whatever FABRIQUE_TEST_BACKEND says (the backup tests need each). */
    backend?: Backend;
    /** Reopen a local D1 database (as after a restart); this harness then disposes of it at cleanup. */
    d1?: LocalD1;
  } = {},
) {
  const dir = mkdtempSync(path.join(tmpdir(), 'forms-'));
  const dbFile = over.dbFile ?? path.join(dir, 'submissions.sqlite');
  const pgDb =
    (over.backend ?? BACKEND) !== 'postgres'
      ? undefined
      : over.pgUrl
        ? { url: over.pgUrl, drop: dropDatabase(over.pgUrl) }
        : await freshDatabase();
  const onD1 = (over.backend ?? BACKEND) === 'd1';
  // The Worker on workerd, with what its build would bundle: these settings, the fixture world, no built
  // pages (as the Node app here); its clock is FABRIQUE_AUJOURDHUI, the fixture's day.
  const worker =
    onD1 && (!over.d1 || over.d1.persistDir)
      ? await startHarnessWorker(over.settings, over.rateLimit ?? { max: 1000, windowMs: 60_000 }, over.d1?.persistDir ?? dir)
      : undefined;
  const d1 = !onD1
    ? undefined
    : worker
      ? { mf: worker.running.mf, db: worker.running.db, persistDir: worker.persistDir }
      : over.d1;
  const store: SubmissionStore & { rateLimiter?: (o: AppConfig['rateLimit']) => RateLimit } = pgDb
    ? await PostgresStore.open(pgDb.url)
    : d1
      ? new D1Store(d1.db)
      : new SqliteStore(dbFile, over.store);
  const rateLimit = over.rateLimit ?? { max: 1000, windowMs: 60_000 };
  const logs: LogEntry[] = worker?.logs ?? [];
  const { teamKey, privateKey, sealedSettings } = worker?.keys ?? (await testTeamKey());
  const nodeApp = createApp({
    store,
    clock: { now: () => NOW },
    config: {
      origins: [ORIGIN],
      settings: { ...settings, ...sealedSettings, ...over.settings },
      content,
      rateLimit,
      clientHashSalt: 'sel-de-test',
    },
    // Shared databases count in the database, as several instances or isolates do.
    rateLimit: store.rateLimiter?.(rateLimit),
    pages: over.pages,
    clientAddress: (c) => c.req.header('x-test-client') ?? '203.0.113.7',
    log: (e) => logs.push(e),
  });
  /** Requests as Hono's app.request takes them: in process on Node, over HTTP to the Worker on `d1`. */
  const app = { request: worker ? worker.request : (input: string, init?: RequestInit) => nodeApp.request(input, init) };
  /**
   * Reads the database through a second connection, as an operator would. SQL in SQLite's words; on
   * PostgreSQL `?` becomes `$n`, `rowid` the insertion order, counts numbers and bytes Uint8Array.
   */
  const rows = async (sql: string, ...params: (string | number)[]): Promise<Record<string, unknown>[]> => {
    if (d1) {
      const { results } = await d1.db
        .prepare(sql)
        .bind(...params)
        .all();
      // D1 gives a BLOB as an array of bytes.
      return results.map((r) =>
        Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Array.isArray(v) ? new Uint8Array(v as number[]) : v])),
      );
    }
    if (pgDb) {
      let n = 0;
      const text = sql.replace(/\?/g, () => `$${++n}`).replace(/\browid\b/g, 'ctid');
      const client = new pg.Client({ connectionString: pgDb.url });
      await client.connect();
      try {
        const result = await client.query<Record<string, unknown>>(text, params);
        return result.rows.map((r) =>
          Object.fromEntries(
            Object.entries(r).map(([k, v]) => [
              k,
              Buffer.isBuffer(v) ? new Uint8Array(v) : typeof v === 'string' && /^(n|enc|ct)$/.test(k) ? Number(v) : v,
            ]),
          ),
        );
      } finally {
        await client.end();
      }
    }
    const db = new DatabaseSync(dbFile, { readOnly: true });
    try {
      return db.prepare(sql).all(...params);
    } finally {
      db.close();
    }
  };
  const count = async () => ({
    submissions: Number((await rows('SELECT count(*) AS n FROM submissions'))[0]!.n),
    outbox: Number((await rows('SELECT count(*) AS n FROM outbox'))[0]!.n),
  });
  /** Every stored submission's values, oldest first, opened with the test team's private key when sealed. */
  const stored = async () => {
    const all = await rows(
      'SELECT id, form_key, data_json, sealed, key_id, encapsulated_key FROM submissions ORDER BY received_at, rowid',
    );
    return Promise.all(
      all.map(async (r) =>
        r.data_json !== null
          ? (JSON.parse(r.data_json as string) as Record<string, unknown>)
          : ((await openValues(privateKey, {
              id: String(r.id),
              formKey: String(r.form_key),
              keyId: String(r.key_id),
              encapsulatedKey: r.encapsulated_key as Uint8Array,
              ciphertext: r.sealed as Uint8Array,
            })) as Record<string, unknown>),
      ),
    );
  };
  const post = (formKey: string, body: BodyInit, headers: Record<string, string> = {}) =>
    app.request(`/f/${formKey}`, { method: 'POST', body, headers: { origin: ORIGIN, ...headers } });
  const postForm = (formKey: string, body: string, headers: Record<string, string> = {}) =>
    post(formKey, body, { 'content-type': 'application/x-www-form-urlencoded', ...headers });
  const postJson = (formKey: string, body: unknown, headers: Record<string, string> = {}) =>
    post(formKey, typeof body === 'string' ? body : JSON.stringify(body), {
      'content-type': 'application/json',
      accept: 'application/json',
      ...headers,
    });
  /** keepDatabase: the PostgreSQL database stays, for a harness reopening it (pgUrl). */
  const cleanup = async (keepDatabase = false) => {
    await store.close();
    if (!keepDatabase) await pgDb?.drop();
    // The harness's Worker owns its D1 (disposed with it); a reopened one (over.d1) is disposed here.
    if (worker) await worker.running.dispose();
    else if (!keepDatabase) await d1?.mf.dispose();
    // A kept D1 lives in this harness's folder (the Worker's persistence): it stays for the next harness.
    if (!(keepDatabase && worker)) rmSync(dir, { recursive: true, force: true });
    if (!keepDatabase && over.d1?.persistDir && over.d1.persistDir !== dir)
      rmSync(over.d1.persistDir, { recursive: true, force: true });
  };
  /** What startServer needs to serve the same database. */
  const serverStore = pgDb
    ? { databaseUrl: pgDb.url, clientHashSecret: 'secret-des-essais-partage-par-les-instances' }
    : { dbPath: dbFile };
  return {
    app,
    store,
    dir,
    dbFile,
    pgUrl: pgDb?.url,
    d1,
    serverStore,
    rows,
    count,
    stored,
    teamKey,
    privateKey,
    post,
    postForm,
    postJson,
    logs,
    cleanup,
  };
}

/** The repository's example keys have no private half: tests seal to a pair of their own. */
async function testTeamKey() {
  const teamKey = await generateTeamKey('essai', NOW);
  const privateKey = await importPrivateKey(teamKey.id, teamKey.privateKey);
  const sealedSettings = Object.fromEntries(
    FORM_KEYS.filter((k) => settings[k].sensible).map((k) => [
      k,
      { ...settings[k], cle_equipe: teamKey.id, cles_publiques: { [teamKey.id]: teamKey.publicKey } },
    ]),
  );
  return { teamKey, privateKey, sealedSettings };
}

/** The harness's Worker: its settings, its log lines as entries, requests from a test client address. */
async function startHarnessWorker(
  overSettings: Partial<AppConfig['settings']> | undefined,
  rateLimit: AppConfig['rateLimit'],
  persistDir: string,
) {
  const keys = await testTeamKey();
  const logs: LogEntry[] = [];
  let lines = 0;
  const running = await startWorker({
    data: {
      settings: { ...settings, ...keys.sealedSettings, ...overSettings },
      content,
      styleHashes: [],
      pages: {},
    },
    vars: {
      SITE_URL: ORIGIN,
      FORMS_RATE_LIMIT: String(rateLimit.max),
      FABRIQUE_AUJOURDHUI: NOW.toISOString(),
      FABRIQUE_DEMONSTRATION: process.env.FABRIQUE_DEMONSTRATION ?? '',
    },
    persistDir,
    onLog: (line) => {
      lines++;
      if (!line.startsWith('{"at"')) return;
      // The time of the line is the Worker's; the entries are compared without it.
      const entry = JSON.parse(line) as LogEntry & { at?: string };
      delete entry.at;
      logs.push(entry);
    },
  });
  const request = async (input: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    // Cloudflare's edge sets the client's address; the tests name theirs.
    headers.set('cf-connecting-ip', headers.get('x-test-client') ?? '203.0.113.7');
    headers.delete('x-test-client');
    const before = lines;
    const response = await fetch(`${running.url}${input}`, { ...init, headers, redirect: 'manual' });
    const body = await response.arrayBuffer();
    // The Worker's log line travels through workerd's output: wait for it (briefly) before answering.
    for (let i = 0; i < 50 && lines === before && input.includes('/f/'); i++) await new Promise((r) => setTimeout(r, 5));
    return new Response([101, 204, 205, 304].includes(response.status) ? null : body, response);
  };
  return { running, logs, keys, request, persistDir };
}

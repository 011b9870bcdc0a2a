/**
 * The harness's three back-ends behind one interface (TestBackend): a SQLite file, a PostgreSQL database
 * on the test server, the Worker on workerd with its D1. Each is opened once per test file and emptied
 * between tests (`empty`): tables emptied cost milliseconds, a new workerd or database a second.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import pg from 'pg';
import { Agent, fetch as undiciFetch } from 'undici';
import type { Miniflare } from 'miniflare';
import type { AppConfig, LogEntry } from '../../functions/deps.ts';
import type { RateLimit } from '../../functions/rate-limit.ts';
import { D1Store, type D1Like } from '../../functions/store/d1.ts';
import { PostgresStore } from '../../functions/store/postgres.ts';
import { SqliteStore, type SqliteStoreOptions } from '../../functions/store/sqlite.ts';
import type { SubmissionStore } from '../../functions/store/types.ts';
import { generateTeamKey } from '../../functions/seal/keys.ts';
import { importPrivateKey } from '../../functions/seal/open.ts';
import { FORM_KEYS } from '../../src/schemas/forms/index.ts';
import { content, NOW } from '../fixtures/forms-context.ts';
import { dropDatabase, freshDatabase } from './postgres-server.ts';
import { startWorker } from './worker-server.ts';

export type BackendName = 'sqlite' | 'postgres' | 'd1';
/** The operator's first-administrator token, given to the Node app and to the Worker (EQUIPE_PREMIERE_INVITATION). */
export const FIRST_INVITATION_TOKEN = 'essai-premiere-invitation-0123456789abcdef';
/** persistDir: the Worker's D1 kept on disk, for a harness that reopens it (a new deployment). */
export type LocalD1 = { mf: Miniflare; db: D1Like; persistDir?: string };
export type Rows = (sql: string, ...params: (string | number)[]) => Promise<Record<string, unknown>[]>;
type TeamKeys = Awaited<ReturnType<typeof testTeamKey>>;

/** One back-end the harness runs on, whatever it is. */
export type TestBackend = {
  store: SubmissionStore & { rateLimiter?: (o: AppConfig['rateLimit']) => RateLimit };
  /** Reads the database through another connection, as an operator would; SQL in SQLite's words. */
  rows: Rows;
  dbFile: string;
  pgUrl?: string;
  d1?: LocalD1;
  /** What startServer needs to serve the same database. */
  serverStore: { dbPath: string } | { databaseUrl: string; clientHashSecret: string };
  /** On `d1`: the Worker itself, its log entries and the team keys bundled in it. */
  worker?: { request: (input: string, init?: RequestInit) => Promise<Response>; logs: LogEntry[]; keys: TeamKeys };
  /** Every table emptied, the schema kept: the next test starts as on a new database. */
  empty: () => Promise<void>;
  /** keepDatabase: the database stays for a harness reopening it (dbFile, pgUrl, d1). */
  close: (keepDatabase: boolean) => Promise<void>;
};

/** Tables to empty: all but the migrations' records and the engine's own. */
const userTables = (names: string[]) => names.filter((n) => !/migrations|^sqlite_|^_cf_/.test(n));

/** Every table of a D1 database emptied, its migrations kept. */
export async function emptyD1(db: D1Like): Promise<void> {
  const { results } = await db.prepare(SCHEMA_OBJECTS).all<SchemaObject>();
  await db.batch(emptyingStatements(results).map((sql) => db.prepare(sql)));
}

const SCHEMA_OBJECTS = "SELECT type, name, sql FROM sqlite_master WHERE type IN ('table', 'trigger')";
type SchemaObject = { type: string; name: string; sql: string };
/** DELETE of every user table; the append-only triggers (the inbox's audit) dropped for it and put back. */
function emptyingStatements(objects: SchemaObject[]): string[] {
  const triggers = objects.filter((o) => o.type === 'trigger');
  const tables = userTables(objects.filter((o) => o.type === 'table').map((o) => o.name));
  return [
    ...triggers.map((t) => `DROP TRIGGER ${t.name}`),
    ...tables.map((n) => `DELETE FROM ${n}`),
    ...triggers.map((t) => t.sql),
  ];
}

/** Every table of a SQLite file emptied through a connection of its own, its migrations kept. */
export function emptySqlite(file: string): void {
  const db = new DatabaseSync(file);
  try {
    // As the store erases: content overwritten, no old frame left in the WAL (tests read the file's bytes).
    db.exec('PRAGMA busy_timeout = 5000; PRAGMA secure_delete = ON; PRAGMA foreign_keys = ON');
    const objects = db.prepare(SCHEMA_OBJECTS).all() as SchemaObject[];
    db.exec(`BEGIN IMMEDIATE; ${emptyingStatements(objects).join('; ')}; COMMIT`);
    db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
}

/** A SQLite file (dbFile, or a new one in a temporary folder). */
export function sqliteBackend(dbFile?: string, options?: SqliteStoreOptions): TestBackend {
  const dir = dbFile ? undefined : mkdtempSync(path.join(tmpdir(), 'forms-db-'));
  const file = dbFile ?? path.join(dir!, 'submissions.sqlite');
  const store = new SqliteStore(file, options);
  const rows: Rows = async (sql, ...params) => {
    const db = new DatabaseSync(file, { readOnly: true });
    try {
      return db.prepare(sql).all(...params);
    } finally {
      db.close();
    }
  };
  return {
    store,
    rows,
    dbFile: file,
    serverStore: { dbPath: file },
    empty: async () => emptySqlite(file),
    close: async () => {
      await store.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A PostgreSQL database: a new one on the test server, or pgUrl reopened (dropped at close all the same). */
export async function postgresBackend(pgUrl?: string): Promise<TestBackend> {
  const db = pgUrl ? { url: pgUrl, drop: dropDatabase(pgUrl) } : await freshDatabase();
  const store = await PostgresStore.open(db.url);
  const reader = new pg.Pool({ connectionString: db.url, max: 2 });
  reader.on('error', () => {});
  reader.on('connect', (client) => client.on('error', () => {}));
  const rows: Rows = async (sql, ...params) => {
    // SQLite's words: `?` becomes `$n`, `rowid` the insertion order; counts are numbers, bytes Uint8Array.
    let n = 0;
    const text = sql.replace(/\?/g, () => `$${++n}`).replace(/\browid\b/g, 'ctid');
    const result = await reader.query<Record<string, unknown>>(text, params);
    return result.rows.map((r) =>
      Object.fromEntries(
        Object.entries(r).map(([k, v]) => [
          k,
          Buffer.isBuffer(v) ? new Uint8Array(v) : typeof v === 'string' && /^(n|enc|ct)$/.test(k) ? Number(v) : v,
        ]),
      ),
    );
  };
  return {
    store,
    rows,
    dbFile: '',
    pgUrl: db.url,
    serverStore: { databaseUrl: db.url, clientHashSecret: 'secret-des-essais-partage-par-les-instances' },
    empty: async () => {
      const { rows: tables } = await reader.query<{ t: string }>(
        "SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public'",
      );
      const names = userTables(tables.map((r) => r.t));
      // The inbox's audit refuses TRUNCATE by trigger: the test's superuser sets triggers aside for this.
      if (names.length)
        await reader.query(
          `SET session_replication_role = replica; TRUNCATE ${names.join(', ')} RESTART IDENTITY CASCADE; SET session_replication_role = DEFAULT`,
        );
    },
    close: async (keepDatabase) => {
      await store.close();
      await reader.end();
      if (!keepDatabase) await db.drop();
    },
  };
}

/**
 * The Worker on workerd with what its build would bundle: these settings, the fixture world, no built pages
 * (as the Node app here); its clock is FABRIQUE_AUJOURDHUI, the fixture's day. A D1 kept on disk
 * (reopen.persistDir) is reopened by a new Worker, as after a new deployment.
 */
export async function d1Backend(
  worker: { settings: AppConfig['settings']; rateLimit: AppConfig['rateLimit']; keys: TeamKeys },
  reopen?: LocalD1,
): Promise<TestBackend> {
  const persistDir = reopen?.persistDir ?? mkdtempSync(path.join(tmpdir(), 'forms-d1-'));
  const running = await startHarnessWorker(worker, persistDir);
  const d1 = { mf: running.running.mf, db: running.running.db, persistDir };
  const rows: Rows = async (sql, ...params) => {
    const { results } = await d1.db
      .prepare(sql)
      .bind(...params)
      .all();
    // D1 gives a BLOB as an array of bytes.
    return results.map((r) =>
      Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Array.isArray(v) ? new Uint8Array(v as number[]) : v])),
    );
  };
  return {
    store: new D1Store(d1.db),
    rows,
    dbFile: '',
    d1,
    serverStore: { dbPath: '' },
    worker: { request: running.request, logs: running.logs, keys: worker.keys },
    empty: async () => {
      await emptyD1(d1.db);
      running.logs.length = 0;
    },
    close: async (keepDatabase) => {
      await running.running.dispose();
      // A kept D1 lives in its folder (the Worker's persistence): it stays for the next harness.
      if (!keepDatabase) rmSync(persistDir, { recursive: true, force: true });
    },
  };
}

/**
 * A new connection for each request: workerd may close an idle kept-alive connection just as the client
 * reuses it (ECONNRESET, one run in a few hundred); a test's request must not depend on that race.
 */
const oneRequestPerConnection = new Agent({ pipelining: 0 });

/** The harness's Worker: its settings, its log lines as entries, requests from a test client address. */
async function startHarnessWorker(
  { settings, rateLimit }: { settings: AppConfig['settings']; rateLimit: AppConfig['rateLimit'] },
  persistDir: string,
) {
  const logs: LogEntry[] = [];
  let lines = 0;
  const running = await startWorker({
    data: { settings, content, styleHashes: [], pages: {} },
    vars: {
      SITE_URL: 'https://fabrique.test',
      FORMS_RATE_LIMIT: String(rateLimit.max),
      FABRIQUE_AUJOURDHUI: NOW.toISOString(),
      FABRIQUE_DEMONSTRATION: process.env.FABRIQUE_DEMONSTRATION ?? '',
      EQUIPE_PREMIERE_INVITATION: FIRST_INVITATION_TOKEN,
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
    const response = await undiciFetch(`${running.url}${input}`, {
      ...(init as Parameters<typeof undiciFetch>[1]),
      headers: [...headers],
      redirect: 'manual',
      dispatcher: oneRequestPerConnection,
    });
    const body = await response.arrayBuffer();
    // The Worker's log line travels through workerd's output: wait for it (briefly) before answering.
    for (let i = 0; i < 50 && lines === before && input.includes('/f/'); i++) await new Promise((r) => setTimeout(r, 5));
    return new Response([101, 204, 205, 304].includes(response.status) ? null : body, {
      status: response.status,
      statusText: response.statusText,
      headers: [...response.headers],
    });
  };
  return { running, logs, request };
}

/** The repository's example keys have no private half: tests seal to a pair of their own. */
export async function testTeamKey(settings: AppConfig['settings']) {
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

/**
 * A real app over a real store, with the fixture world and the repo's form settings. The back-end is
 * FABRIQUE_TEST_BACKEND: `sqlite` (default, a file in a temp folder), `postgres` (a database on the test
 * server) or `d1`: the Worker itself (functions/worker.ts, bundled) on workerd with a local D1, served by
 * Miniflare and reached over HTTP. The same tests run against each (the vitest projects `unit`,
 * `unit-postgres`, `unit-d1`). A test file opens each back-end once and empties its tables between tests
 * (harness-backends.ts); a harness asking to reopen a database, or one made while another is in use, gets
 * its own.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createApp } from '../../functions/app.ts';
import type { AppConfig, LogEntry } from '../../functions/deps.ts';
import type { PageSource } from '../../functions/pages.ts';
import type { SqliteStoreOptions } from '../../functions/store/sqlite.ts';
import { openValues } from '../../functions/seal/open.ts';
import { loadFormSettings } from '../../src/lib/forms/load.ts';
import { content, NOW } from '../fixtures/forms-context.ts';
import {
  d1Backend,
  FIRST_INVITATION_TOKEN,
  postgresBackend,
  sqliteBackend,
  testTeamKey,
  type BackendName,
  type LocalD1,
  type TestBackend,
} from './harness-backends.ts';

export const ORIGIN = 'https://fabrique.test';
/** The operator's first-administrator token (the Worker's secret EQUIPE_PREMIERE_INVITATION), on every back-end. */
export { FIRST_INVITATION_TOKEN } from './harness-backends.ts';
export const BACKEND: BackendName =
  (['postgres', 'd1'] as const).find((b) => b === process.env.FABRIQUE_TEST_BACKEND) ?? 'sqlite';
/** On `d1` the server is the Worker: tests of the Node server (its jobs, its sockets) are skipped there. */
export const noNodeServer = BACKEND === 'd1';
/** On `d1` requests go to the Worker over HTTP, and the clock is the Worker's, pinned by FABRIQUE_AUJOURDHUI. */
export const onWorker = BACKEND === 'd1';
/** True on every back-end but SQLite: tests of what only SQLite has (its file, the staff command on it) skip then. */
export const notOnSqlite = BACKEND !== 'sqlite';
export const settings = await loadFormSettings(path.resolve(import.meta.dirname, '../../content'));

export type Harness = Awaited<ReturnType<typeof makeHarness>>;
type Options = {
  rateLimit?: AppConfig['rateLimit'];
  pages?: PageSource;
  store?: SqliteStoreOptions;
  settings?: Partial<AppConfig['settings']>;
  /** Reopen an existing database file (as after a restart); it is then left in place by cleanup. */
  dbFile?: string;
  /** Reopen an existing PostgreSQL database (as after a restart); this harness then drops it at cleanup. */
  pgUrl?: string;
  /** This harness's back-end, whatever FABRIQUE_TEST_BACKEND says (the backup tests need each). */
  backend?: BackendName;
  /** Reopen a Worker's D1 kept on disk (as after a new deployment); this harness then removes it at cleanup. */
  d1?: LocalD1;
};

/**
 * The back-ends this test file has opened, by what makes them differ; closed after the file's tests by
 * closeSharedBackends, which test/functions/harness-teardown.ts calls after every file (this module is
 * read once per worker: a hook registered here would run after the first file only).
 */
const shared = new Map<string, { backend: Promise<TestBackend>; busy: boolean }>();
export async function closeSharedBackends() {
  const all = [...shared.values()];
  shared.clear();
  await Promise.all(all.map(async (s) => (await s.backend).close(false)));
}
(globalThis as { fabriqueCloseHarness?: () => Promise<void> }).fabriqueCloseHarness = closeSharedBackends;

type Lease = { backend: TestBackend; release: (keepDatabase: boolean) => Promise<void> };

/** The file's back-end for this key, emptied; a back-end of its own when that one is in use. */
async function lease(key: string, open: () => Promise<TestBackend>): Promise<Lease> {
  const known = shared.get(key);
  if (known?.busy) return own(await open());
  const entry = known ?? { backend: open(), busy: true };
  entry.busy = true;
  shared.set(key, entry);
  const backend = await entry.backend;
  if (known) await backend.empty();
  return { backend, release: async () => void (entry.busy = false) };
}
const own = (backend: TestBackend): Lease => ({ backend, release: (keep) => backend.close(keep) });

export async function makeHarness(over: Options = {}) {
  // Files share their worker's modules (isolate: false): this module must have been read for this project.
  const asked = process.env.FABRIQUE_TEST_BACKEND || 'sqlite';
  if (asked !== BACKEND) throw new Error(`harness.ts lu pour ${BACKEND}, le projet demande ${asked}`);
  const dir = mkdtempSync(path.join(tmpdir(), 'forms-'));
  const backendName = over.backend ?? BACKEND;
  const rateLimit = over.rateLimit ?? { max: 1000, windowMs: 60_000 };
  // On the Worker the team keys are bundled with the settings: a Worker's keys are made when it starts.
  const keys = await testTeamKey(settings);
  const workerSettings = { ...settings, ...keys.sealedSettings, ...over.settings } as AppConfig['settings'];
  const open = (): Promise<TestBackend> =>
    backendName === 'postgres'
      ? postgresBackend(over.pgUrl)
      : backendName === 'd1'
        ? d1Backend({ settings: workerSettings, rateLimit, keys }, over.d1)
        : Promise.resolve(sqliteBackend(over.dbFile, over.store));
  const reopens = Boolean(over.dbFile || over.pgUrl || over.d1 || over.store || over.backend);
  // Node's app is made per harness below; the Worker bundles its settings and its rate limit.
  const key = backendName === 'd1' ? JSON.stringify([backendName, over.settings ?? null, rateLimit]) : backendName;
  const { backend, release } = reopens ? own(await open()) : await lease(key, open);
  const { store, rows, worker } = backend;
  const logs: LogEntry[] = worker?.logs ?? [];
  const { teamKey, privateKey, sealedSettings } = worker?.keys ?? keys;
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
    equipe: { firstInvitation: FIRST_INVITATION_TOKEN },
  });
  /** Requests as Hono's app.request takes them: in process on Node, over HTTP to the Worker on `d1`. */
  const app = { request: worker ? worker.request : async (input: string, init?: RequestInit) => nodeApp.request(input, init) };
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
  /** keepDatabase: the database stays, for a harness reopening it (dbFile, pgUrl, d1). */
  const cleanup = async (keepDatabase = false) => {
    await release(keepDatabase);
    rmSync(dir, { recursive: true, force: true });
  };
  return {
    app,
    store,
    dir,
    dbFile: backend.dbFile,
    pgUrl: backend.pgUrl,
    d1: backend.d1,
    serverStore: backend.serverStore,
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

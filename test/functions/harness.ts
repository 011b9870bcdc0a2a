/** A real app over a real SQLite file in a temp folder, with the fixture world and the repo's form settings. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { createApp } from '../../functions/app.ts';
import type { AppConfig, LogEntry } from '../../functions/deps.ts';
import type { PageSource } from '../../functions/pages.ts';
import { SqliteStore, type SqliteStoreOptions } from '../../functions/store/sqlite.ts';
import { loadFormSettings } from '../../src/lib/forms/load.ts';
import { content, NOW } from '../fixtures/forms-context.ts';

export const ORIGIN = 'https://fabrique.test';
export const settings = await loadFormSettings(path.resolve(import.meta.dirname, '../../content'));

export type Harness = Awaited<ReturnType<typeof makeHarness>>;

export async function makeHarness(
  over: {
    rateLimit?: AppConfig['rateLimit'];
    pages?: PageSource;
    store?: SqliteStoreOptions;
    settings?: Partial<AppConfig['settings']>;
  } = {},
) {
  const dir = mkdtempSync(path.join(tmpdir(), 'forms-'));
  const dbFile = path.join(dir, 'submissions.sqlite');
  const store = new SqliteStore(dbFile, over.store);
  const logs: LogEntry[] = [];
  const app = createApp({
    store,
    clock: { now: () => NOW },
    config: {
      origins: [ORIGIN],
      settings: { ...settings, ...over.settings },
      content,
      rateLimit: over.rateLimit ?? { max: 1000, windowMs: 60_000 },
      clientHashSalt: 'sel-de-test',
    },
    pages: over.pages,
    clientAddress: (c) => c.req.header('x-test-client') ?? '203.0.113.7',
    log: (e) => logs.push(e),
  });
  /** Reads the database through a second connection, as an operator would. */
  const rows = (sql: string, ...params: (string | number)[]) => {
    const db = new DatabaseSync(dbFile, { readOnly: true });
    try {
      return db.prepare(sql).all(...params) as Record<string, unknown>[];
    } finally {
      db.close();
    }
  };
  const count = () => ({
    submissions: Number(rows('SELECT count(*) AS n FROM submissions')[0]!.n),
    outbox: Number(rows('SELECT count(*) AS n FROM outbox')[0]!.n),
  });
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
  const cleanup = async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  };
  return { app, store, dir, dbFile, rows, count, post, postForm, postJson, logs, cleanup };
}

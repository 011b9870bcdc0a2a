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
import { generateTeamKey } from '../../functions/seal/keys.ts';
import { importPrivateKey, openValues } from '../../functions/seal/open.ts';
import { FORM_KEYS } from '../../src/schemas/forms/index.ts';

export const ORIGIN = 'https://fabrique.test';
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
  } = {},
) {
  const dir = mkdtempSync(path.join(tmpdir(), 'forms-'));
  const dbFile = over.dbFile ?? path.join(dir, 'submissions.sqlite');
  const store = new SqliteStore(dbFile, over.store);
  const logs: LogEntry[] = [];
  // The repository's example keys have no private half: tests seal to a pair of their own.
  const teamKey = await generateTeamKey('essai', NOW);
  const privateKey = await importPrivateKey(teamKey.id, teamKey.privateKey);
  const sealedSettings = Object.fromEntries(
    FORM_KEYS.filter((k) => settings[k].sensible).map((k) => [
      k,
      { ...settings[k], cle_equipe: teamKey.id, cles_publiques: { [teamKey.id]: teamKey.publicKey } },
    ]),
  );
  const app = createApp({
    store,
    clock: { now: () => NOW },
    config: {
      origins: [ORIGIN],
      settings: { ...settings, ...sealedSettings, ...over.settings },
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
  /** Every stored submission's values, oldest first, opened with the test team's private key when sealed. */
  const stored = async () => {
    const all = rows(
      'SELECT id, form_key, data_json, sealed, key_id, encapsulated_key FROM submissions ORDER BY received_at, rowid',
    );
    return Promise.all(
      all.map(async (r) =>
        r.data_json !== null
          ? (JSON.parse(String(r.data_json)) as Record<string, unknown>)
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
  const cleanup = async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  };
  return { app, store, dir, dbFile, rows, count, stored, teamKey, privateKey, post, postForm, postJson, logs, cleanup };
}

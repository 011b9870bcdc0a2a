/** The SQLite store: the shared contract, then what is SQLite's own: durable settings, versioned migrations, one transaction per submission + outbox, sealed rows. */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../functions/store/sqlite-migrations.ts';
import { SqliteStore } from '../../functions/store/sqlite.ts';
import { StoreUnavailableError, type NewSubmission } from '../../functions/store/types.ts';
import { storeContract } from './store-contract.ts';
import { emptySqlite, sqliteBackend, type TestBackend } from './harness-backends.ts';

// One store for the contract's tests, its tables emptied between them (a new store starts its writer
// thread and applies every migration: most of a test's time).
let shared: TestBackend | undefined;
afterAll(async () => shared?.close(false));
storeContract('SQLite', async () => {
  const reused = shared !== undefined;
  shared ??= sqliteBackend();
  if (reused) await shared.empty();
  return { store: shared.store, cleanup: async () => {} };
});

let dir: string;
let file: string;
let store: SqliteStore;

const submission = (id: string, over: Partial<NewSubmission> = {}): NewSubmission => ({
  id,
  formKey: 'agir',
  receivedAt: '2027-01-15T10:00:00.000Z',
  deleteAfter: '2028-01-15T10:00:00.000Z',
  content: { kind: 'clear', json: '{"prenom":"Yann"}' },
  ...over,
});
const count = (table: string) => Number((store.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n);

describe('SqliteStore', () => {
  // One file for these tests, emptied between them; a test that reopens it leaves its store to the next.
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'store-'));
    file = path.join(dir, 'sub', 'submissions.sqlite');
    store = new SqliteStore(file);
  });
  beforeEach(() => emptySqlite(file));
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates its folder and file, in WAL with synchronous=FULL', () => {
    expect((store.db.prepare('PRAGMA journal_mode').get() as { journal_mode: string }).journal_mode).toBe('wal');
    expect((store.db.prepare('PRAGMA synchronous').get() as { synchronous: number }).synchronous).toBe(2); // FULL
  });

  it('applies migrations once, recorded in user_version', async () => {
    expect((store.db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version).toBe(MIGRATIONS.length);
    await store.save(submission('a'), { recipients: ['x@exemple.fr'] });
    await store.close();
    store = new SqliteStore(file); // reopening does not re-run or lose anything
    expect(count('submissions')).toBe(1);
  });

  it('saves the submission and its outbox entry together', async () => {
    const result = await store.save(submission('a'), { recipients: ['x@exemple.fr'], subject: 'Objet', replyTo: 'y@exemple.fr' });
    expect(result).toEqual({ id: 'a', duplicate: false });
    expect(store.db.prepare('SELECT submission_id, recipients_json, subject, reply_to, status FROM outbox').all()).toEqual([
      { submission_id: 'a', recipients_json: '["x@exemple.fr"]', subject: 'Objet', reply_to: 'y@exemple.fr', status: 'pending' },
    ]);
  });

  it('a failed commit fails every submission of its batch and keeps nothing', async () => {
    // The second insert collides on its id: the whole group commit rolls back.
    await store.save(submission('existe'), { recipients: ['x@exemple.fr'] });
    const underWay = store.save(submission('avant'), { recipients: ['x@exemple.fr'] });
    const batch = [
      store.save(submission('b'), { recipients: ['x@exemple.fr'] }),
      store.save(submission('existe'), { recipients: ['x@exemple.fr'] }),
    ];
    const results = await Promise.allSettled(batch);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect((results[0] as PromiseRejectedResult).reason).toBeInstanceOf(StoreUnavailableError);
    await underWay;
    expect(count('submissions')).toBe(2);
    expect(count('outbox')).toBe(2);
  });

  it('holds a sealed submission: blob, key id and encapsulated key, no clear JSON', async () => {
    await store.save(
      submission('s', {
        content: {
          kind: 'sealed',
          keyId: 'equipe-2027',
          encapsulatedKey: new Uint8Array([1, 2]),
          ciphertext: new Uint8Array([3, 4, 5]),
        },
      }),
      { recipients: ['x@exemple.fr'] },
    );
    const row = store.db.prepare('SELECT data_json, sealed, key_id, encapsulated_key FROM submissions').get() as Record<
      string,
      unknown
    >;
    expect(row.data_json).toBeNull();
    expect([...(row.sealed as Uint8Array)]).toEqual([3, 4, 5]);
    expect(row.key_id).toBe('equipe-2027');
  });

  it('refuses a row that is both clear and sealed, or neither (CHECK constraint)', () => {
    const insert = (data: string | null, sealed: Uint8Array | null) =>
      store.db
        .prepare(
          "INSERT INTO submissions (id, form_key, received_at, delete_after, data_json, sealed, key_id, encapsulated_key) VALUES (?, 'agir', 't', 't', ?, ?, ?, ?)",
        )
        .run(String(Math.random()), data, sealed, sealed ? 'k' : null, sealed ? new Uint8Array([1]) : null);
    expect(() => insert('{}', new Uint8Array([1]))).toThrow(/CHECK/);
    expect(() => insert(null, null)).toThrow(/CHECK/);
  });

  it('erase empties the WAL; a reader holding a snapshot stops that, and erase says so instead of succeeding', async () => {
    await store.close();
    store = new SqliteStore(file, { busyTimeoutMs: 100 });
    await store.save(submission('a', { content: { kind: 'clear', json: '{"message":"trace-9931"}' } }), {
      recipients: ['x@exemple.fr'],
    });
    const reader = new DatabaseSync(file, { readOnly: true });
    reader.exec('BEGIN');
    reader.prepare('SELECT count(*) FROM submissions').get(); // a snapshot that still sees the row
    expect(await store.erase(['a'])).toEqual({ erased: 1, clean: false });
    reader.exec('COMMIT');
    reader.close();
    // Once the reader is gone, erasing nothing finishes the job.
    expect(await store.erase([])).toEqual({ erased: 0, clean: true });
    const bytes = Buffer.concat([file, `${file}-wal`].filter(existsSync).map((f) => readFileSync(f)));
    expect(bytes.includes(Buffer.from('trace-9931'))).toBe(false);
  });

  it('a second process reads committed rows at once', async () => {
    await store.save(submission('a'), { recipients: ['x@exemple.fr'] });
    const reader = new DatabaseSync(file, { readOnly: true });
    expect(reader.prepare('SELECT id FROM submissions').all()).toEqual([{ id: 'a' }]);
    reader.close();
  });
});

/**
 * The default store: one SQLite file (node:sqlite), WAL with synchronous=FULL so a commit is on disk
 * before we answer. Submissions arriving together are committed together (group commit): each one
 * still waits for the commit that holds it, and a failed commit fails every one it held.
 */
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { MIGRATIONS } from './sqlite-migrations.ts';
import { SQL } from './sqlite-sql.ts';
import {
  StoreUnavailableError,
  type DueNotification,
  type EraseResult,
  type NewNotification,
  type NewSubmission,
  type SaveResult,
  type ServiceCounters,
  type SubmissionStore,
} from './types.ts';

export type SqliteStoreOptions = {
  /** How long to wait for a lock held by another process before giving up (503). */
  busyTimeoutMs?: number;
  /** Caps the file size in pages; used to test a full database where no small filesystem can be mounted. */
  maxPageCount?: number;
};

type Pending = {
  submission: NewSubmission;
  notification: NewNotification;
  resolve: (r: SaveResult) => void;
  reject: (e: Error) => void;
};

export function openDatabase(file: string, { busyTimeoutMs = 2000, maxPageCount }: SqliteStoreOptions = {}): DatabaseSync {
  if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new DatabaseSync(file, { timeout: busyTimeoutMs });
  db.exec('PRAGMA journal_mode = WAL');
  db.exec('PRAGMA synchronous = FULL');
  db.exec('PRAGMA foreign_keys = ON');
  // Deleted rows (retention, a person's request) are overwritten with zeros, not left in free pages.
  db.exec('PRAGMA secure_delete = ON');
  if (maxPageCount) db.exec(`PRAGMA max_page_count = ${Math.floor(maxPageCount)}`);
  migrate(db);
  return db;
}

function migrate(db: DatabaseSync) {
  const { user_version: version } = db.prepare('PRAGMA user_version').get() as { user_version: number };
  for (let v = version; v < MIGRATIONS.length; v++) {
    db.exec('BEGIN IMMEDIATE');
    try {
      db.exec(MIGRATIONS[v]!);
      db.exec(`PRAGMA user_version = ${v + 1}`);
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
  }
}

/**
 * Deletes rows in one transaction, then copies the WAL back and empties it so that no old frame remains.
 * A reader holding a snapshot stops the WAL from being emptied: then `clean` is false, never a silent success.
 */
export function eraseIn(db: DatabaseSync, ids: string[]): EraseResult {
  const del = db.prepare(SQL.deleteSubmission);
  let erased = 0;
  db.exec('BEGIN IMMEDIATE');
  try {
    for (const id of ids) erased += Number(del.run(id).changes);
    db.exec('COMMIT');
  } catch (error) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw error;
  }
  const { busy, log } = db.prepare('PRAGMA wal_checkpoint(TRUNCATE)').get() as { busy: number; log: number };
  return { erased, clean: busy === 0 && log <= 0 };
}

export class SqliteStore implements SubmissionStore {
  readonly db: DatabaseSync;
  private queue: Pending[] = [];
  private scheduled = false;
  private readonly statements: Record<'insertSubmission' | 'idByIdempotencyKey' | 'insertOutbox', StatementSync>;

  constructor(file: string, options: SqliteStoreOptions = {}) {
    this.db = openDatabase(file, options);
    this.statements = {
      insertSubmission: this.db.prepare(SQL.insertSubmission),
      idByIdempotencyKey: this.db.prepare(SQL.idByIdempotencyKey),
      insertOutbox: this.db.prepare(SQL.insertOutbox),
    };
  }

  save(submission: NewSubmission, notification: NewNotification): Promise<SaveResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ submission, notification, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        // Let the submissions that arrived in this turn of the event loop join the same commit.
        setImmediate(() => this.flush());
      }
    });
  }

  private flush() {
    const batch = this.queue;
    this.queue = [];
    this.scheduled = false;
    const results: SaveResult[] = [];
    try {
      this.db.exec('BEGIN IMMEDIATE');
      for (const { submission, notification } of batch) results.push(this.saveOne(submission, notification));
      this.db.exec('COMMIT');
    } catch (error) {
      if (this.db.isTransaction) this.db.exec('ROLLBACK');
      const failure = new StoreUnavailableError(`enregistrement impossible : ${(error as Error).message}`, { cause: error });
      for (const p of batch) p.reject(failure);
      return;
    }
    batch.forEach((p, i) => p.resolve(results[i]!));
  }

  private saveOne(s: NewSubmission, n: NewNotification): SaveResult {
    const clear = s.content.kind === 'clear' ? s.content : undefined;
    const sealed = s.content.kind === 'sealed' ? s.content : undefined;
    const { changes } = this.statements.insertSubmission.run(
      s.id,
      s.formKey,
      s.receivedAt,
      s.deleteAfter,
      s.idempotencyKey ?? null,
      clear?.json ?? null,
      sealed?.ciphertext ?? null,
      sealed?.keyId ?? null,
      sealed?.encapsulatedKey ?? null,
    );
    if (changes === 0 && s.idempotencyKey) {
      // A retry: the first submission with this key stands, and its notification is already queued.
      const first = this.statements.idByIdempotencyKey.get(s.formKey, s.idempotencyKey) as { id: string } | undefined;
      if (first) return { id: first.id, duplicate: true };
    }
    if (changes === 0) throw new Error('identifiant de soumission déjà utilisé');
    const outbox = this.statements.insertOutbox;
    outbox.run(s.id, 'equipe', JSON.stringify(n.recipients), n.subject ?? null, n.replyTo ?? null, s.receivedAt);
    if (n.confirmationTo) outbox.run(s.id, 'confirmation', JSON.stringify([n.confirmationTo]), null, null, s.receivedAt);
    return { id: s.id, duplicate: false };
  }

  async dueNotifications(now: Date, limit: number): Promise<DueNotification[]> {
    const rows = this.db.prepare(SQL.dueNotifications).all(now.toISOString(), limit) as {
      outbox_id: number;
      submission_id: string;
      form_key: string;
      received_at: string;
      kind: 'equipe' | 'confirmation';
      recipients_json: string;
      subject: string | null;
      reply_to: string | null;
      attempts: number;
      data_json: string | null;
    }[];
    return rows.map((r) => ({
      outboxId: r.outbox_id,
      submissionId: r.submission_id,
      formKey: r.form_key,
      receivedAt: r.received_at,
      kind: r.kind,
      recipients: JSON.parse(r.recipients_json) as string[],
      subject: r.subject ?? undefined,
      replyTo: r.reply_to ?? undefined,
      attempts: r.attempts,
      clearJson: r.data_json ?? undefined,
    }));
  }

  async notificationSent(outboxId: number, at: Date): Promise<void> {
    this.db.prepare(SQL.notificationSent).run(at.toISOString(), outboxId);
  }

  async notificationFailed(outboxId: number, nextAttemptAt: Date, error: string): Promise<void> {
    this.db.prepare(SQL.notificationFailed).run(nextAttemptAt.toISOString(), error.slice(0, 200), outboxId);
  }

  async expiredIds(now: Date): Promise<string[]> {
    return (this.db.prepare(SQL.expiredIds).all(now.toISOString()) as { id: string }[]).map((r) => r.id);
  }

  async erase(ids: string[]): Promise<EraseResult> {
    return eraseIn(this.db, ids);
  }

  async addCounts(counts: Record<string, number>): Promise<void> {
    const add = this.db.prepare(SQL.addCount);
    this.db.exec('BEGIN IMMEDIATE');
    try {
      for (const [name, value] of Object.entries(counts)) if (value) add.run(name, value);
      this.db.exec('COMMIT');
    } catch (error) {
      if (this.db.isTransaction) this.db.exec('ROLLBACK');
      throw error;
    }
  }

  async counters(): Promise<ServiceCounters> {
    return countersIn(this.db);
  }

  async writable(): Promise<boolean> {
    try {
      this.db.exec('BEGIN IMMEDIATE');
      this.db.prepare(SQL.probeInsert).run(new Date().toISOString());
      this.db.prepare(SQL.probeClear).run();
      this.db.exec('COMMIT');
      return true;
    } catch {
      if (this.db.isTransaction) this.db.exec('ROLLBACK');
      return false;
    }
  }

  async close(): Promise<void> {
    while (this.queue.length) await new Promise((r) => setImmediate(r));
    if (this.db.isOpen) this.db.close();
  }
}

export function countersIn(db: DatabaseSync): ServiceCounters {
  const counts = Object.fromEntries(
    (db.prepare(SQL.counts).all() as { name: string; value: number }[]).map((r) => [r.name, Number(r.value)]),
  );
  const o = db.prepare(SQL.outboxCounts).get() as { pending: number | null; failing: number | null; sent: number | null };
  return {
    counts,
    notifications: { pending: Number(o.pending ?? 0), failing: Number(o.failing ?? 0), sent: Number(o.sent ?? 0) },
  };
}

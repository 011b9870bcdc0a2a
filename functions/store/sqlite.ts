/**
 * The default store: one SQLite file (node:sqlite), WAL with synchronous=FULL so a commit is on disk
 * before we answer. Submissions arriving together are committed together (group commit): each one
 * still waits for the commit that holds it, and a failed commit fails every one it held.
 */
import { DatabaseSync } from 'node:sqlite';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { MIGRATIONS } from './sqlite-migrations.ts';
import {
  StoreUnavailableError,
  type NewNotification,
  type DueNotification,
  type NewSubmission,
  type SaveResult,
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

export class SqliteStore implements SubmissionStore {
  readonly db: DatabaseSync;
  private queue: Pending[] = [];
  private scheduled = false;
  private readonly insertSubmission;
  private readonly findByKey;
  private readonly insertOutbox;

  constructor(file: string, options: SqliteStoreOptions = {}) {
    this.db = openDatabase(file, options);
    this.insertSubmission = this.db.prepare(
      `INSERT INTO submissions (id, form_key, received_at, delete_after, idempotency_key, data_json, sealed, key_id, encapsulated_key)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    );
    this.findByKey = this.db.prepare('SELECT id FROM submissions WHERE form_key = ? AND idempotency_key = ?');
    this.insertOutbox = this.db.prepare(
      'INSERT INTO outbox (submission_id, kind, recipients_json, subject, reply_to, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
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
    const { changes } = this.insertSubmission.run(
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
      const first = this.findByKey.get(s.formKey, s.idempotencyKey) as { id: string } | undefined;
      if (first) return { id: first.id, duplicate: true };
    }
    if (changes === 0) throw new Error('identifiant de soumission déjà utilisé');
    this.insertOutbox.run(s.id, 'equipe', JSON.stringify(n.recipients), n.subject ?? null, n.replyTo ?? null, s.receivedAt);
    if (n.confirmationTo)
      this.insertOutbox.run(s.id, 'confirmation', JSON.stringify([n.confirmationTo]), null, null, s.receivedAt);
    return { id: s.id, duplicate: false };
  }

  async dueNotifications(now: Date, limit: number): Promise<DueNotification[]> {
    const rows = this.db
      .prepare(
        `SELECT o.id AS outbox_id, o.submission_id, s.form_key, s.received_at, o.kind, o.recipients_json, o.subject,
                o.reply_to, o.attempts, s.data_json
           FROM outbox o JOIN submissions s ON s.id = o.submission_id
          WHERE o.status = 'pending' AND o.next_attempt_at <= ?
          ORDER BY o.next_attempt_at, o.id LIMIT ?`,
      )
      .all(now.toISOString(), limit) as {
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
    this.db
      .prepare(`UPDATE outbox SET status = 'sent', sent_at = ?, attempts = attempts + 1, last_error = NULL WHERE id = ?`)
      .run(at.toISOString(), outboxId);
  }

  async notificationFailed(outboxId: number, nextAttemptAt: Date, error: string): Promise<void> {
    this.db
      .prepare('UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE id = ?')
      .run(nextAttemptAt.toISOString(), error.slice(0, 200), outboxId);
  }

  async purgeExpired(now: Date): Promise<number> {
    // Outbox rows go with their submission (ON DELETE CASCADE); secure_delete zeroes the freed pages.
    const { changes } = this.db.prepare('DELETE FROM submissions WHERE delete_after <= ?').run(now.toISOString());
    // The WAL still holds the pages as they were written: copy back and empty it, so no old frame remains.
    if (Number(changes) > 0) this.db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    return Number(changes);
  }

  async close(): Promise<void> {
    while (this.queue.length) await new Promise((r) => setImmediate(r));
    if (this.db.isOpen) this.db.close();
  }
}

/**
 * The write side of the SQLite store: one connection that commits a batch of submissions and their
 * outbox rows in one transaction. Runs in a worker thread (sqlite-worker.ts) so that the fsync of each
 * commit never blocks the thread that reads requests; the batch that piles up meanwhile becomes the
 * next commit (group commit).
 */
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { SQL } from './sqlite-sql.ts';
import type { SaveItem } from './group-commit.ts';
import { placeResult } from './rows.ts';

export type { SaveItem } from './group-commit.ts';
import type { NewNotification, NewSubmission, SaveResult } from './types.ts';

export type BatchOutcome = { ok: true; results: SaveResult[] } | { ok: false; message: string };

export class SqliteWriter {
  private readonly db: DatabaseSync;
  private readonly statements: Record<
    'insertSubmission' | 'idByIdempotencyKey' | 'waitingListOf' | 'insertOutbox',
    StatementSync
  >;

  constructor(db: DatabaseSync) {
    this.db = db;
    this.statements = {
      insertSubmission: db.prepare(SQL.insertSubmission),
      idByIdempotencyKey: db.prepare(SQL.idByIdempotencyKey),
      waitingListOf: db.prepare(SQL.waitingListOf),
      insertOutbox: db.prepare(SQL.insertOutbox),
    };
  }

  /** One transaction for the whole batch: every submission is committed, or none (each one then gets a 503). */
  saveBatch(batch: SaveItem[]): BatchOutcome {
    const results: SaveResult[] = [];
    try {
      this.db.exec('BEGIN IMMEDIATE');
      for (const { submission, notification } of batch) results.push(this.saveOne(submission, notification));
      this.db.exec('COMMIT');
      return { ok: true, results };
    } catch (error) {
      if (this.db.isTransaction) this.db.exec('ROLLBACK');
      return { ok: false, message: (error as Error).message };
    }
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
      s.place?.session ?? null,
      s.place?.capacity ?? null,
    );
    if (changes === 0 && s.idempotencyKey) {
      // A retry: the first submission with this key stands, and its notification is already queued.
      const first = this.statements.idByIdempotencyKey.get(s.formKey, s.idempotencyKey) as
        { id: string; waiting_list: number | null } | undefined;
      if (first) return { id: first.id, duplicate: true, ...placeResult(first.waiting_list) };
    }
    if (changes === 0) throw new Error('identifiant de soumission déjà utilisé');
    const outbox = this.statements.insertOutbox;
    outbox.run(s.id, 'equipe', JSON.stringify(n.recipients), n.subject ?? null, n.replyTo ?? null, s.receivedAt);
    if (n.confirmationTo) outbox.run(s.id, 'confirmation', JSON.stringify([n.confirmationTo]), null, null, s.receivedAt);
    if (!s.place) return { id: s.id, duplicate: false };
    const { waiting_list } = this.statements.waitingListOf.get(s.id) as { waiting_list: number | null };
    return { id: s.id, duplicate: false, ...placeResult(waiting_list) };
  }
}

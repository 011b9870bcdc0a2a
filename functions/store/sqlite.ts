/**
 * The default store: one SQLite file (node:sqlite), WAL with synchronous=FULL so a commit is on disk
 * before we answer. Submissions are committed by a writer thread (sqlite-writer.ts), off the thread
 * that reads requests; those arriving while a commit is under way are committed together in the next
 * one (group commit). Each still waits for the commit that holds it; a failed commit fails all it held.
 */
import type { DatabaseSync } from 'node:sqlite';
import { Worker } from 'node:worker_threads';
import { openDatabase, type SqliteStoreOptions } from './sqlite-open.ts';
import { dueFromRow, placesFromRows, type DueRow } from './rows.ts';
import { SQL } from './sqlite-sql.ts';
import { sqliteRunner } from './equipe-sqlite.ts';
import { SqlEquipeStore } from './equipe-store.ts';
import type { BatchOutcome } from './sqlite-writer.ts';
import { GroupCommit, type SaveItem } from './group-commit.ts';
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

export { openDatabase, type SqliteStoreOptions } from './sqlite-open.ts';

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
  const { busy, log } = db.prepare(SQL.checkpoint).get() as { busy: number; log: number };
  return { erased, clean: busy === 0 && log <= 0 };
}

export class SqliteStore implements SubmissionStore {
  /** This thread's connection: reads, the outbox updates, erasures, counters (all rare next to submissions). */
  readonly db: DatabaseSync;
  private readonly group = new GroupCommit((batch) => this.commit(batch));
  /** The commit the writer thread is doing now: settled by its answer, or failed if the thread stops. */
  private committing: { resolve: (r: SaveResult[]) => void; reject: (e: Error) => void } | undefined;
  private writer: Worker;
  private closing = false;
  private readonly file: string;
  private readonly options: SqliteStoreOptions;

  constructor(file: string, options: SqliteStoreOptions = {}) {
    this.file = file;
    this.options = options;
    // Opened here first, synchronously: a file that cannot be opened fails the start, and migrations
    // are applied before the writer thread opens its own connection.
    this.db = openDatabase(file, options);
    this.writer = this.startWriter();
  }

  private startWriter(): Worker {
    const worker = new Worker(new URL('./sqlite-worker.ts', import.meta.url), {
      workerData: { file: this.file, options: this.options },
    });
    worker.on('message', (message: BatchOutcome | 'ready') => {
      if (message !== 'ready') this.committed(message);
    });
    // A writer that dies fails the batch it held (503, nothing acknowledged) and is replaced.
    worker.on('exit', () => {
      this.committed({ ok: false, message: 'le fil d’écriture s’est arrêté' });
      if (!this.closing) this.writer = this.startWriter();
    });
    worker.on('error', () => {});
    worker.unref();
    return worker;
  }

  save(submission: NewSubmission, notification: NewNotification): Promise<SaveResult> {
    if (this.closing) return Promise.reject(new StoreUnavailableError('stockage fermé'));
    return this.group.save(submission, notification);
  }

  /** One batch, one transaction, on the writer thread. */
  private commit(batch: SaveItem[]): Promise<SaveResult[]> {
    return new Promise((resolve, reject) => {
      this.committing = { resolve, reject };
      this.writer.postMessage({ batch });
    });
  }

  private committed(outcome: BatchOutcome) {
    const committing = this.committing;
    this.committing = undefined;
    if (outcome.ok) committing?.resolve(outcome.results);
    else committing?.reject(new Error(outcome.message));
  }

  async dueNotifications(now: Date, limit: number): Promise<DueNotification[]> {
    return (this.db.prepare(SQL.dueNotifications).all(now.toISOString(), limit) as DueRow[]).map(dueFromRow);
  }

  async placesTaken(): Promise<Record<string, number>> {
    return placesFromRows(this.db.prepare(SQL.placesTaken).all() as { session_key: string; n: number }[]);
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

  // --- The teams' inbox (issue 19): its SQL and logic are in equipe-*.ts; its writes on a thread of their own. ---
  private equipeRunner?: ReturnType<typeof sqliteRunner>;
  private equipeStore?: SqlEquipeStore;
  equipe(): SqlEquipeStore {
    this.equipeRunner ??= sqliteRunner(this.db, this.file, this.options);
    return (this.equipeStore ??= new SqlEquipeStore(this.equipeRunner));
  }

  async close(): Promise<void> {
    if (this.closing) return;
    await this.group.drained();
    await this.equipeRunner?.close();
    this.closing = true;
    const exited = new Promise((r) => this.writer.once('exit', r));
    this.writer.ref(); // the process waits for the writer to close its connection
    this.writer.postMessage('close');
    await exited;
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

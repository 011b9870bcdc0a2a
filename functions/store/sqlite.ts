/**
 * The default store: one SQLite file (node:sqlite), WAL with synchronous=FULL so a commit is on disk
 * before we answer. Every write (submissions, outbox updates, counters, the purge, the health probe) runs
 * on a writer thread (sqlite-writer.ts), so neither an fsync nor a lock held by another process blocks the
 * thread that reads requests; submissions arriving while a commit is under way are committed together in
 * the next one (group commit). Each still waits for the commit that holds it; a failed commit fails all it held.
 */
import { siblingModule } from './sibling-module.ts';
import type { DatabaseSync, SQLInputValue } from 'node:sqlite';
import { Worker } from 'node:worker_threads';
import { openDatabase, type SqliteStoreOptions } from './sqlite-open.ts';
import { SQLITE, type Statement } from './dialect.ts';
import { SqliteWriter, type WriteReply, type WriteRequest } from './sqlite-writer.ts';
import { GroupCommit } from './group-commit.ts';
import { countersFromRows, type OutboxCountsRow } from './rows.ts';
import { eraseStatements, erasedCount, type Outcome } from './save-statements.ts';
import { SqlStore } from './sql-store.ts';
import { sqliteRunner } from './equipe-sqlite.ts';
import { SqlEquipeStore } from './equipe-store.ts';
import {
  StoreUnavailableError,
  type EraseResult,
  type NewNotification,
  type NewSubmission,
  type SaveResult,
  type ServiceCounters,
} from './types.ts';

export { openDatabase, type SqliteStoreOptions } from './sqlite-open.ts';

/** Deletes rows in one transaction on this connection, then empties the WAL (the staff command's erasure). */
export function eraseIn(db: DatabaseSync, ids: string[]): EraseResult {
  const writer = new SqliteWriter(db);
  const erased = erasedCount(writer.transaction(eraseStatements(SQLITE, ids)));
  return { erased, clean: writer.checkpoint() };
}

/** Counters and outbox counts read on this connection (the staff command's `stats`). */
export function countersIn(db: DatabaseSync): ServiceCounters {
  const rows = (name: 'counts' | 'outboxCounts') => db.prepare(SQLITE.sql[name]).all();
  return countersFromRows(
    rows('counts') as { name: string; value: number }[],
    rows('outboxCounts')[0] as OutboxCountsRow | undefined,
  );
}

type Waiting = { resolve: (reply: WriteReply) => void };

export class SqliteStore extends SqlStore {
  /** This thread's connection: reads only (WAL: a reader never waits for the writer). */
  readonly db: DatabaseSync;
  protected readonly dialect = SQLITE;
  private readonly group = new GroupCommit((batch) => this.commit(batch));
  /** Requests sent to the writer thread, answered in the order sent. */
  private waiting: Waiting[] = [];
  private writer: Worker;
  private closing = false;
  private readonly file: string;
  private readonly options: SqliteStoreOptions;

  constructor(file: string, options: SqliteStoreOptions = {}) {
    super();
    this.file = file;
    this.options = options;
    // Opened here first, synchronously: a file that cannot be opened fails the start, and migrations
    // are applied before the writer thread opens its own connection.
    this.db = openDatabase(file, options);
    this.writer = this.startWriter();
  }

  private startWriter(): Worker {
    const worker = new Worker(siblingModule('sqlite-worker', import.meta.url), {
      workerData: { file: this.file, options: this.options },
    });
    worker.on('message', (message: WriteReply | 'ready') => {
      if (message !== 'ready') this.waiting.shift()?.resolve(message);
    });
    // A writer that dies fails what it held (503, nothing acknowledged) and is replaced.
    worker.on('exit', () => {
      const failed = this.waiting;
      this.waiting = [];
      for (const w of failed) w.resolve({ ok: false, message: 'le fil d’écriture s’est arrêté' });
      if (!this.closing) this.writer = this.startWriter();
    });
    worker.on('error', () => {});
    worker.unref();
    return worker;
  }

  /** Sends a transaction to the writer thread; this thread goes on serving meanwhile. */
  private send(request: WriteRequest): Promise<{ outcomes: Outcome[]; clean: boolean }> {
    if (this.closing) return Promise.reject(new StoreUnavailableError('stockage fermé'));
    return new Promise((resolve, reject) => {
      this.waiting.push({
        resolve: (reply) => (reply.ok ? resolve(reply) : reject(new StoreUnavailableError(reply.message))),
      });
      this.writer.postMessage(request);
    });
  }

  protected async read<T>({ sql, params }: Statement): Promise<T[]> {
    return this.db.prepare(sql).all(...(params as SQLInputValue[])) as T[];
  }

  protected async write(statements: Statement[]): Promise<Outcome[]> {
    return (await this.send({ statements })).outcomes;
  }

  save(submission: NewSubmission, notification: NewNotification): Promise<SaveResult> {
    if (this.closing) return Promise.reject(new StoreUnavailableError('stockage fermé'));
    return this.group.save(submission, notification);
  }

  /** Deletes in one transaction, then empties the WAL; `clean` false when a reader kept it (never a silent success). */
  async erase(ids: string[]): Promise<EraseResult> {
    const { outcomes, clean } = await this.send({ statements: eraseStatements(this.dialect, ids), checkpoint: true });
    return { erased: erasedCount(outcomes), clean };
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
    while (this.waiting.length) await new Promise((r) => setTimeout(r, 1));
    await this.equipeRunner?.close();
    this.closing = true;
    const exited = new Promise((r) => this.writer.once('exit', r));
    this.writer.ref(); // the process waits for the writer to close its connection
    this.writer.postMessage('close');
    await exited;
    if (this.db.isOpen) this.db.close();
  }
}

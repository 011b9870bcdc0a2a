/**
 * The write side of the SQLite store: statements run in one transaction on one connection. The server runs
 * it in a worker thread (sqlite-worker.ts), so that neither a commit's fsync nor a lock held by another
 * process ever blocks the thread that reads requests; the staff command calls it directly.
 */
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { Statement } from './dialect.ts';
import type { Outcome } from './save-statements.ts';

/** What the writer thread is asked: statements for one transaction, then a checkpoint after an erasure. */
export type WriteRequest = { statements: Statement[]; checkpoint?: boolean };
export type WriteReply = { ok: true; outcomes: Outcome[]; clean: boolean } | { ok: false; message: string };

export class SqliteWriter {
  private readonly db: DatabaseSync;
  private readonly prepared = new Map<string, StatementSync>();

  constructor(db: DatabaseSync) {
    this.db = db;
  }

  private prepare(sql: string): StatementSync {
    let prepared = this.prepared.get(sql);
    if (!prepared) this.prepared.set(sql, (prepared = this.db.prepare(sql)));
    return prepared;
  }

  /** Every statement or none: a failure rolls the whole transaction back (each save it held gets a 503). */
  transaction(statements: Statement[]): Outcome[] {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const outcomes = statements.map(({ sql, params }) => this.run(this.prepare(sql), params));
      this.db.exec('COMMIT');
      return outcomes;
    } catch (error) {
      if (this.db.isTransaction) this.db.exec('ROLLBACK');
      throw error;
    }
  }

  /** A statement that returns columns (SELECT, RETURNING) gives its rows; any other, its changes. */
  private run(prepared: StatementSync, params: unknown[]): Outcome {
    const values = params as Parameters<StatementSync['run']>;
    if (prepared.columns().length) return { rows: prepared.all(...values), changes: 0 };
    return { rows: [], changes: Number(prepared.run(...values).changes) };
  }

  /**
   * Copies the WAL back and empties it so that no deleted row's frame remains. A reader holding a snapshot
   * stops that: false then, and the caller says the erasure is not finished.
   */
  checkpoint(): boolean {
    const { busy, log } = this.db.prepare('PRAGMA wal_checkpoint(TRUNCATE)').get() as { busy: number; log: number };
    return busy === 0 && log <= 0;
  }

  handle({ statements, checkpoint }: WriteRequest): WriteReply {
    try {
      const outcomes = this.transaction(statements);
      return { ok: true, outcomes, clean: checkpoint ? this.checkpoint() : true };
    } catch (error) {
      return { ok: false, message: (error as Error).message };
    }
  }
}

/**
 * The store for several Node instances behind a load balancer: one PostgreSQL database (client `pg`).
 * The same contract as SQLite (test/functions/store-contract.ts): a submission and its outbox rows in
 * one transaction, those arriving during a commit committed together in the next (group commit, per
 * instance), idempotency by a unique index that holds across instances. What SQLite gets from being one
 * process is done in the database: rate-limit windows (rateLimiter) and background jobs that run on one
 * instance at a time (runAlone, advisory locks).
 */
import pg from 'pg';
import { checkSchema, postgresSchema } from './schema-check.ts';
import { PG_MIGRATIONS } from './postgres-migrations.ts';
import { POSTGRES, type Statement } from './dialect.ts';
import { GroupCommit } from './group-commit.ts';
import { eraseStatements, erasedCount, type Outcome } from './save-statements.ts';
import { SqlStore } from './sql-store.ts';
import { StoreUnavailableError, type EraseResult, type NewNotification, type NewSubmission, type SaveResult } from './types.ts';
import { postgresRunner } from './equipe-postgres.ts';
import { SqlEquipeStore } from './equipe-store.ts';

export type PostgresStoreOptions = {
  /** Connections of this instance (default 10); the server's max_connections bounds all instances. */
  max?: number;
  /** How long a statement may take before it is cancelled (default 10 s): a stuck database answers 503. */
  statementTimeoutMs?: number;
};

/** PostgreSQL's own bookkeeping of applied migrations (SQLite: user_version; D1: d1_migrations). */
const MIGRATIONS_SQL = {
  table: 'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)',
  applied: 'SELECT coalesce(max(version), 0)::int AS n FROM schema_migrations',
  record: 'INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)',
};

/** Advisory lock keys: one per job, the same on every instance. */
const LOCK_KEYS: Record<string, number> = { migrations: 0x46_52_00_01, purge: 0x46_52_00_02, notifications: 0x46_52_00_03 };
const lockKey = (job: string) =>
  LOCK_KEYS[job] ?? 0x46_52_10_00 + [...job].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) % 65_536, 0);

/** Applies the migrations not yet applied, under a lock so that instances starting together apply each once. */
export async function migrate(pool: pg.Pool): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [LOCK_KEYS.migrations]);
    await client.query(MIGRATIONS_SQL.table);
    const { rows } = await client.query<{ n: number }>(MIGRATIONS_SQL.applied);
    const applied = rows[0]?.n ?? 0;
    for (let i = applied; i < PG_MIGRATIONS.length; i++) {
      await client.query('BEGIN');
      try {
        await client.query(PG_MIGRATIONS[i]!);
        await client.query(MIGRATIONS_SQL.record, [i + 1, new Date().toISOString()]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }
    checkSchema(await postgresSchema(client));
    return PG_MIGRATIONS.length;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [LOCK_KEYS.migrations]).catch(() => {});
    client.release();
  }
}

export class PostgresStore extends SqlStore {
  readonly pool: pg.Pool;
  protected readonly dialect = POSTGRES;
  private readonly group = new GroupCommit((batch) => this.commit(batch));
  private closing = false;

  private constructor(pool: pg.Pool) {
    super();
    this.pool = pool;
  }

  /** Connects and migrates: a database that cannot be reached fails the start, with the reason. */
  static async open(url: string, options: PostgresStoreOptions = {}): Promise<PostgresStore> {
    const pool = new pg.Pool({
      connectionString: url,
      max: options.max ?? 10,
      statement_timeout: options.statementTimeoutMs ?? 10_000,
      connectionTimeoutMillis: 5_000,
      application_name: 'fabrique-formulaires',
    });
    // A connection the database drops must not crash the process: idle ones (the pool's 'error') and those
    // checked out between two statements (the client's own 'error'); the next query fails and is answered 503.
    pool.on('error', () => {});
    pool.on('connect', (client) => client.on('error', () => {}));
    try {
      await migrate(pool);
    } catch (error) {
      await pool.end();
      throw error;
    }
    return new PostgresStore(pool);
  }

  save(submission: NewSubmission, notification: NewNotification): Promise<SaveResult> {
    if (this.closing) return Promise.reject(new StoreUnavailableError('stockage fermé'));
    return this.group.save(submission, notification);
  }

  protected async read<T>(query: Statement): Promise<T[]> {
    return (await this.pool.query(query.sql, query.params)).rows as T[];
  }

  /** One statement is its own transaction (one round trip); more go between BEGIN and COMMIT on one connection. */
  protected async write(statements: Statement[]): Promise<Outcome[]> {
    if (statements.length === 1) return [outcomeOf(await this.pool.query(statements[0]!.sql, statements[0]!.params))];
    const client = await this.pool.connect();
    let broken = false;
    try {
      await client.query('BEGIN');
      const outcomes: Outcome[] = [];
      for (const { sql, params } of statements) outcomes.push(outcomeOf(await client.query(sql, params)));
      await client.query('COMMIT');
      return outcomes;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => (broken = true));
      throw error;
    } finally {
      client.release(broken);
    }
  }

  /**
   * Deletes in one transaction, then VACUUM FULL: the tables are rewritten without the rows, so their bytes
   * leave the table files (a plain VACUUM leaves them in the pages' free space; measured). The rewrite
   * holds an exclusive lock for its length: submissions wait, milliseconds on tables of this size. The
   * write-ahead log still holds the bytes until PostgreSQL reuses its segments, out of this store's reach
   * (EXPLOITATION.md: encrypted disk); `clean` speaks of the tables.
   */
  async erase(ids: string[]): Promise<EraseResult> {
    if (!ids.length) return { erased: 0, clean: true };
    const erased = erasedCount(await this.write(eraseStatements(this.dialect, ids)));
    if (!erased) return { erased, clean: true };
    // VACUUM FULL copies a deleted row still visible to a transaction that began before the delete (another
    // instance's job, a report): such transactions are waited for, a few seconds at most; if one lasts, the
    // erasure says it is unfinished and the next purge rewrites the tables again.
    const clean = await this.olderTransactionsEnded(5_000);
    // The inbox's rows of these submissions (state, history, notes) went with them (ON DELETE CASCADE): rewritten too.
    await this.pool.query('VACUUM FULL submissions, outbox, request_state, request_events, notes');
    return { erased, clean };
  }

  /** Whether every transaction of this database begun before now has ended, checked until `ms` have passed. */
  private async olderTransactionsEnded(ms: number): Promise<boolean> {
    const { rows } = await this.pool.query<{ t: Date }>('SELECT clock_timestamp() AS t');
    const since = rows[0]!.t;
    for (const end = Date.now() + ms; ;) {
      const open = await this.pool.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity
          WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_xmin IS NOT NULL AND xact_start < $1`,
        [since],
      );
      if (open.rows[0]!.n === 0) return true;
      if (Date.now() > end) return false;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Session advisory lock held while the job runs: another instance asking meanwhile skips its run. */
  async runAlone(job: string, run: () => Promise<void>): Promise<boolean> {
    const client = await this.pool.connect();
    try {
      const { rows } = await client.query<{ got: boolean }>('SELECT pg_try_advisory_lock($1) AS got', [lockKey(job)]);
      if (!rows[0]?.got) return false;
      try {
        await run();
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [lockKey(job)]);
      }
      return true;
    } finally {
      client.release();
    }
  }

  // --- The teams' inbox (issue 19): its SQL and logic are in equipe-*.ts. ---
  private equipeStore?: SqlEquipeStore;
  equipe(): SqlEquipeStore {
    return (this.equipeStore ??= new SqlEquipeStore(postgresRunner(this.pool)));
  }

  async close(): Promise<void> {
    if (this.closing) return;
    await this.group.drained();
    this.closing = true;
    await this.pool.end();
  }
}

const outcomeOf = (result: pg.QueryResult): Outcome => ({
  rows: result.rows as Record<string, unknown>[],
  changes: result.rowCount ?? 0,
});

/**
 * The store for several Node instances behind a load balancer: one PostgreSQL database (client `pg`).
 * The same contract as SQLite (test/functions/store-contract.ts): a submission and its outbox rows in
 * one transaction, those arriving during a commit committed together in the next (group commit, per
 * instance), idempotency by a unique index that holds across instances. What SQLite gets from being one
 * process is done in the database: rate-limit windows (rateLimiter) and background jobs that run on one
 * instance at a time (runAlone, advisory locks).
 */
import pg from 'pg';
import { PG_MIGRATIONS } from './postgres-migrations.ts';
import { PG_SQL } from './postgres-sql.ts';
import { postgresRunner } from './equipe-postgres.ts';
import { SqlEquipeStore } from './equipe-store.ts';
import { GroupCommit, type SaveItem } from './group-commit.ts';
import { dueFromRow, placeResult, placesFromRows, type DueRow } from './rows.ts';
import type { RateDecision, RateLimit, RateLimitOptions } from '../rate-limit.ts';
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

export type PostgresStoreOptions = {
  /** Connections of this instance (default 10); the server's max_connections bounds all instances. */
  max?: number;
  /** How long a statement may take before it is cancelled (default 10 s): a stuck database answers 503. */
  statementTimeoutMs?: number;
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
    await client.query(PG_SQL.migrationsTable);
    const { rows } = await client.query<{ n: number }>(PG_SQL.migrationsApplied);
    const applied = rows[0]?.n ?? 0;
    for (let i = applied; i < PG_MIGRATIONS.length; i++) {
      await client.query('BEGIN');
      try {
        await client.query(PG_MIGRATIONS[i]!);
        await client.query(PG_SQL.migrationRecord, [i + 1, new Date().toISOString()]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }
    return PG_MIGRATIONS.length;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [LOCK_KEYS.migrations]).catch(() => {});
    client.release();
  }
}

export class PostgresStore implements SubmissionStore {
  readonly pool: pg.Pool;
  private readonly group = new GroupCommit((batch) => this.commit(batch));
  private closing = false;

  private constructor(pool: pg.Pool) {
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
    // An idle connection the server drops must not crash the process; the next query reconnects.
    pool.on('error', () => {});
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

  /** One transaction for the batch (group-commit.ts), after the locks of the sessions whose places it counts. */
  private async commit(batch: SaveItem[]): Promise<SaveResult[]> {
    const client = await this.pool.connect();
    let broken = false;
    try {
      await client.query('BEGIN');
      const sessions = [...new Set(batch.flatMap((p) => (p.submission.place ? [p.submission.place.session] : [])))].sort();
      for (const session of sessions) await client.query(PG_SQL.lockSession, [session]);
      const results: SaveResult[] = [];
      for (const { submission, notification } of batch) results.push(await saveOne(client, submission, notification));
      await client.query('COMMIT');
      return results;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => (broken = true));
      throw error;
    } finally {
      client.release(broken);
    }
  }

  async dueNotifications(now: Date, limit: number): Promise<DueNotification[]> {
    return (await this.pool.query<DueRow>(PG_SQL.dueNotifications, [now.toISOString(), limit])).rows.map(dueFromRow);
  }

  async placesTaken(): Promise<Record<string, number>> {
    return placesFromRows((await this.pool.query<{ session_key: string; n: string }>(PG_SQL.placesTaken)).rows);
  }

  async notificationSent(outboxId: number, at: Date): Promise<void> {
    await this.pool.query(PG_SQL.notificationSent, [at.toISOString(), outboxId]);
  }

  async notificationFailed(outboxId: number, nextAttemptAt: Date, error: string): Promise<void> {
    await this.pool.query(PG_SQL.notificationFailed, [nextAttemptAt.toISOString(), error.slice(0, 200), outboxId]);
  }

  async expiredIds(now: Date): Promise<string[]> {
    return (await this.pool.query<{ id: string }>(PG_SQL.expiredIds, [now.toISOString()])).rows.map((r) => r.id);
  }

  /**
   * Deletes in one transaction, then VACUUM FULL: the tables are rewritten without the rows, so their bytes
   * leave the table files (a plain VACUUM leaves them in the pages' free space; measured). The rewrite
   * holds an exclusive lock for its length: submissions wait, milliseconds on tables of this size. The
   * write-ahead log still holds the bytes until PostgreSQL reuses its segments, out of this store's reach
   * (EXPLOITATION.md: encrypted disk); `clean` speaks of the tables.
   */
  async erase(ids: string[]): Promise<EraseResult> {
    const { rowCount } = await this.pool.query(PG_SQL.deleteSubmissions, [ids]);
    if (rowCount) await this.pool.query('VACUUM FULL submissions, outbox');
    return { erased: rowCount ?? 0, clean: true };
  }

  async addCounts(counts: Record<string, number>): Promise<void> {
    const entries = Object.entries(counts).filter(([, v]) => v);
    if (!entries.length) return;
    await this.pool.query(PG_SQL.addCounts, [entries.map(([k]) => k), entries.map(([, v]) => v)]);
  }

  async counters(): Promise<ServiceCounters> {
    const [counts, outbox] = await Promise.all([
      this.pool.query<{ name: string; value: string }>(PG_SQL.counts),
      this.pool.query<{ pending: string | null; failing: string | null; sent: string | null }>(PG_SQL.outboxCounts),
    ]);
    const o = outbox.rows[0]!;
    return {
      counts: Object.fromEntries(counts.rows.map((r) => [r.name, Number(r.value)])),
      notifications: { pending: Number(o.pending ?? 0), failing: Number(o.failing ?? 0), sent: Number(o.sent ?? 0) },
    };
  }

  async writable(): Promise<boolean> {
    try {
      await this.pool.query(PG_SQL.probe);
      return true;
    } catch {
      return false;
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

  /**
   * Rate-limit windows in the database, so that the limit holds across instances (they must share one
   * clientHashSalt). If the database cannot count, the request goes on: saving it will say 503 if the
   * database is down, and a person must not be refused because a counter failed.
   */
  rateLimiter(options: RateLimitOptions): RateLimit {
    let hits = 0;
    return {
      hit: async (key: string, now: number): Promise<RateDecision> => {
        try {
          if (++hits % 1000 === 0) await this.pool.query(PG_SQL.rateSweep, [now]);
          const { rows } = await this.pool.query<{ count: number; window_end: string }>(PG_SQL.rateHit, [
            key,
            now + options.windowMs,
            now,
          ]);
          const { count, window_end } = rows[0]!;
          if (count <= options.max) return { allowed: true };
          return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((Number(window_end) - now) / 1000)) };
        } catch {
          return { allowed: true };
        }
      },
    };
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

async function saveOne(client: pg.PoolClient, s: NewSubmission, n: NewNotification): Promise<SaveResult> {
  const clear = s.content.kind === 'clear' ? s.content : undefined;
  const sealed = s.content.kind === 'sealed' ? s.content : undefined;
  const { rowCount, rows: inserted } = await client.query<{ waiting_list: number | null }>(PG_SQL.insertSubmission, [
    s.id,
    s.formKey,
    s.receivedAt,
    s.deleteAfter,
    s.idempotencyKey ?? null,
    clear?.json ?? null,
    sealed ? Buffer.from(sealed.ciphertext) : null,
    sealed?.keyId ?? null,
    sealed ? Buffer.from(sealed.encapsulatedKey) : null,
    s.place?.session ?? null,
    s.place?.capacity ?? null,
  ]);
  if (rowCount === 0 && s.idempotencyKey) {
    // A retry, maybe on another instance: the first submission with this key stands.
    const { rows } = await client.query<{ id: string; waiting_list: number | null }>(PG_SQL.idByIdempotencyKey, [
      s.formKey,
      s.idempotencyKey,
    ]);
    if (rows[0]) return { id: rows[0].id, duplicate: true, ...placeResult(rows[0].waiting_list) };
  }
  if (rowCount === 0) throw new Error('identifiant de soumission déjà utilisé');
  await client.query(PG_SQL.insertOutbox, [
    s.id,
    'equipe',
    JSON.stringify(n.recipients),
    n.subject ?? null,
    n.replyTo ?? null,
    s.receivedAt,
  ]);
  if (n.confirmationTo)
    await client.query(PG_SQL.insertOutbox, [s.id, 'confirmation', JSON.stringify([n.confirmationTo]), null, null, s.receivedAt]);
  return { id: s.id, duplicate: false, ...placeResult(inserted[0]?.waiting_list) };
}

/**
 * The store on Cloudflare D1 (SQLite on the platform), for the forms on Workers. Same SQL as the other
 * stores (sql.ts, sql-store.ts) and the same migrations as SQLite (sqlite-migrations.ts, recorded in wrangler's own
 * d1_migrations table so that `wrangler d1 migrations apply` and this store agree). A submission and its
 * outbox rows are one D1 batch, which D1 runs as one transaction. No group commit across requests:
 * on workerd a request awaiting another request's I/O is cancelled as hung, and D1 batches are cheap.
 */
import { MIGRATIONS } from './sqlite-migrations.ts';
import { D1, statement, type Statement } from './dialect.ts';
import { eraseStatements, erasedCount, type Outcome } from './save-statements.ts';
import { SqlStore } from './sql-store.ts';
import { type EraseResult, type NewNotification, type NewSubmission, type SaveResult, StoreUnavailableError } from './types.ts';
import { d1Runner } from './equipe-d1.ts';
import { SqlEquipeStore } from './equipe-store.ts';

/** The part of the platform's D1Database binding this store uses. */
export interface D1Statement {
  bind(...values: unknown[]): D1Statement;
  all<T = Record<string, unknown>>(): Promise<{ results: T[] }>;
  first<T = Record<string, unknown>>(): Promise<T | null>;
  run(): Promise<{ meta: { changes: number } }>;
}
export interface D1Like {
  prepare(sql: string): D1Statement;
  batch<T = Record<string, unknown>>(statements: D1Statement[]): Promise<{ results: T[]; meta: { changes: number } }[]>;
}

/** Names of the migration files in migrations/ (wrangler's format), one per entry of MIGRATIONS, same order. */
export const MIGRATION_NAMES = [
  '0001_envois_et_file.sql',
  '0002_file_type_et_erreur.sql',
  '0003_compteurs_et_sonde.sql',
  '0004_limites.sql',
  '0005_places_des_sessions.sql',
  '0006_espace_equipe.sql',
  '0007_liens_prives.sql',
  '0008_notifications_equipe.sql',
];

/** A migration's statements, one by one (D1 runs prepared statements; a batch is one transaction). */
export const statementsOf = (sql: string) =>
  sql
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter(Boolean);

/** Applies the migrations not yet recorded in d1_migrations, as `wrangler d1 migrations apply` does. */
export async function migrateD1(db: D1Like): Promise<void> {
  await db
    .prepare(
      'CREATE TABLE IF NOT EXISTS d1_migrations (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT UNIQUE, applied_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP)',
    )
    .run();
  const done = new Set((await db.prepare('SELECT name FROM d1_migrations').all<{ name: string }>()).results.map((r) => r.name));
  for (const [i, sql] of MIGRATIONS.entries()) {
    const name = MIGRATION_NAMES[i]!;
    if (done.has(name)) continue;
    await db.batch([
      ...statementsOf(sql).map((s) => db.prepare(s)),
      db.prepare('INSERT INTO d1_migrations (name) VALUES (?)').bind(name),
    ]);
  }
}

/** How long a scheduled job may hold its lease; a Worker's scheduled run is stopped well before (15 min at most). */
export const LEASE_MS = 15 * 60_000;

export class D1Store extends SqlStore {
  private readonly db: D1Like;
  protected readonly dialect = D1;

  constructor(db: D1Like) {
    super();
    this.db = db;
  }

  private prepared({ sql, params }: Statement): D1Statement {
    return params.length ? this.db.prepare(sql).bind(...params) : this.db.prepare(sql);
  }

  protected async read<T>(query: Statement): Promise<T[]> {
    return (await this.prepared(query).all<T>()).results;
  }

  /** A D1 batch is one transaction. */
  protected async write(statements: Statement[]): Promise<Outcome[]> {
    const results = await this.db.batch(statements.map((s) => this.prepared(s)));
    return results.map((r) => ({ rows: r.results, changes: r.meta.changes }));
  }

  /** One batch per submission, awaited by its request (no group commit across requests on workerd). */
  async save(submission: NewSubmission, notification: NewNotification): Promise<SaveResult> {
    try {
      return (await this.commit([{ submission, notification }]))[0]!;
    } catch (error) {
      throw new StoreUnavailableError(`enregistrement impossible : ${(error as Error).message}`);
    }
  }

  /**
   * Deletes in one batch. D1 keeps its own history (Time Travel, 30 days) out of this store's reach:
   * see EXPLOITATION.md; `clean` says the rows are gone from the database.
   */
  async erase(ids: string[]): Promise<EraseResult> {
    if (!ids.length) return { erased: 0, clean: true };
    return { erased: erasedCount(await this.write(eraseStatements(this.dialect, ids))), clean: true };
  }

  /**
   * Purge and delivery one at a time across isolates and overlapping cron runs (as PostgreSQL's advisory
   * locks): false when another holds the job's lease now.
   */
  async runAlone(job: string, run: () => Promise<void>): Promise<boolean> {
    const key = `bail:${job}`;
    const token = crypto.getRandomValues(new Uint32Array(1))[0]! + 1;
    const now = Date.now();
    const [taken] = await this.write([statement(this.dialect, 'leaseTake', key, now + LEASE_MS, token, now)]);
    if ((taken?.rows[0] as { count: number } | undefined)?.count !== token) return false;
    try {
      await run();
    } finally {
      await this.write([statement(this.dialect, 'leaseFree', key, token)]);
    }
    return true;
  }

  // --- The teams' inbox (issue 19): its SQL and logic are in equipe-*.ts. ---
  private equipeStore?: SqlEquipeStore;
  equipe(): SqlEquipeStore {
    return (this.equipeStore ??= new SqlEquipeStore(d1Runner(this.db)));
  }

  async close(): Promise<void> {
    // Nothing held: each save is its own batch, awaited by its request.
  }
}

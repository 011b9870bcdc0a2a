/**
 * The store on Cloudflare D1 (SQLite on the platform), for the forms on Workers. Same SQL as the SQLite
 * store (sqlite-sql.ts) and the same migrations (sqlite-migrations.ts, recorded in wrangler's own
 * d1_migrations table so that `wrangler d1 migrations apply` and this store agree). A submission and its
 * outbox rows are one D1 batch, which D1 runs as one transaction. No group commit across requests:
 * on workerd a request awaiting another request's I/O is cancelled as hung, and D1 batches are cheap.
 */
import type { RateDecision, RateLimit, RateLimitOptions } from '../rate-limit.ts';
import { MIGRATIONS } from './sqlite-migrations.ts';
import { d1Runner } from './equipe-d1.ts';
import { SqlEquipeStore } from './equipe-store.ts';
import type { SaveItem } from './group-commit.ts';
import { dueFromRow, placeResult, placesFromRows, type DueRow } from './rows.ts';
import { SQL, WAITING_LIST } from './sqlite-sql.ts';
import {
  type DueNotification,
  type EraseResult,
  type NewNotification,
  type NewSubmission,
  type SaveResult,
  type ServiceCounters,
  type SubmissionStore,
  StoreUnavailableError,
} from './types.ts';

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

const INSERT_COLUMNS =
  'id, form_key, received_at, delete_after, idempotency_key, data_json, sealed, key_id, encapsulated_key, session_key, waiting_list';

const D1_SQL = {
  // A keyed submission yields to the first one with its key; an id used twice still fails the batch.
  // The place is decided by the insert itself (WAITING_LIST): a D1 batch is one transaction, D1 one writer.
  insertKeyed: `INSERT INTO submissions (${INSERT_COLUMNS})
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?10, ${WAITING_LIST}) ON CONFLICT (form_key, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING`,
  insertPlain: `INSERT INTO submissions (${INSERT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?10, ${WAITING_LIST})`,
  // The outbox row only for the submission that holds the key (not for a retry).
  insertOutboxIfFirst: `INSERT INTO outbox (submission_id, kind, recipients_json, subject, reply_to, next_attempt_at)
    SELECT ?, ?, ?, ?, ?, ? WHERE (SELECT id FROM submissions WHERE form_key = ? AND idempotency_key = ?) = ?`,
  rateHit: `INSERT INTO rate_limits (key, window_end, count) VALUES (?, ?, 1)
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN rate_limits.window_end <= ?3 THEN 1 ELSE rate_limits.count + 1 END,
      window_end = CASE WHEN rate_limits.window_end <= ?3 THEN excluded.window_end ELSE rate_limits.window_end END
    RETURNING count, window_end`,
  rateSweep: 'DELETE FROM rate_limits WHERE window_end <= ?',
  // A job's lease is a window too: key "bail:<job>", its end, and the holder's token in count. Taken only
  // when free or expired (an isolate killed mid-run frees it at its end); the sweep above drops expired ones.
  leaseTake: `INSERT INTO rate_limits (key, window_end, count) VALUES (?1, ?2, ?3)
    ON CONFLICT (key) DO UPDATE SET window_end = excluded.window_end, count = excluded.count WHERE rate_limits.window_end <= ?4
    RETURNING count`,
  leaseFree: 'DELETE FROM rate_limits WHERE key = ? AND count = ?',
} as const;

/** D1 binds a BLOB from an ArrayBuffer: the bytes of this view only, not the whole buffer behind it. */
const blob = (bytes: Uint8Array) => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);

/** How long a scheduled job may hold its lease; a Worker's scheduled run is stopped well before (15 min at most). */
export const LEASE_MS = 15 * 60_000;

export class D1Store implements SubmissionStore {
  private readonly db: D1Like;

  constructor(db: D1Like) {
    this.db = db;
  }

  async save(submission: NewSubmission, notification: NewNotification): Promise<SaveResult> {
    try {
      return (await this.commit([{ submission, notification }]))[0]!;
    } catch (error) {
      throw new StoreUnavailableError(`enregistrement impossible : ${(error as Error).message}`);
    }
  }

  /** One D1 batch (one transaction) for all; for keyed ones, a read of the id that holds the key. */
  private async commit(batch: SaveItem[]): Promise<SaveResult[]> {
    const statements: D1Statement[] = [];
    const reads: (number | undefined)[] = [];
    for (const { submission: s, notification: n } of batch) {
      const clear = s.content.kind === 'clear' ? s.content : undefined;
      const sealed = s.content.kind === 'sealed' ? s.content : undefined;
      const key = s.idempotencyKey;
      statements.push(
        this.db
          .prepare(key ? D1_SQL.insertKeyed : D1_SQL.insertPlain)
          .bind(
            s.id,
            s.formKey,
            s.receivedAt,
            s.deleteAfter,
            key ?? null,
            clear?.json ?? null,
            sealed ? blob(sealed.ciphertext) : null,
            sealed?.keyId ?? null,
            sealed ? blob(sealed.encapsulatedKey) : null,
            s.place?.session ?? null,
            s.place?.capacity ?? null,
          ),
      );
      const rows: [string, string, string | null, string | null][] = [
        ['equipe', JSON.stringify(n.recipients), n.subject ?? null, n.replyTo ?? null],
      ];
      if (n.confirmationTo) rows.push(['confirmation', JSON.stringify([n.confirmationTo]), null, null]);
      for (const [kind, recipients, subject, replyTo] of rows)
        statements.push(
          key
            ? this.db
                .prepare(D1_SQL.insertOutboxIfFirst)
                .bind(s.id, kind, recipients, subject, replyTo, s.receivedAt, s.formKey, key, s.id)
            : this.db.prepare(SQL.insertOutbox).bind(s.id, kind, recipients, subject, replyTo, s.receivedAt),
        );
      if (key) {
        reads.push(statements.length);
        statements.push(this.db.prepare(SQL.idByIdempotencyKey).bind(s.formKey, key));
      } else if (s.place) {
        reads.push(statements.length);
        statements.push(this.db.prepare(SQL.waitingListOf).bind(s.id));
      } else reads.push(undefined);
    }
    const results = await this.db.batch<{ id?: string; waiting_list: number | null }>(statements);
    return batch.map(({ submission: s }, i) => {
      const at = reads[i];
      const row = at === undefined ? undefined : results[at]!.results[0]!;
      const holder = row?.id ?? s.id;
      return { id: holder, duplicate: holder !== s.id, ...placeResult(row?.waiting_list) };
    });
  }

  async dueNotifications(now: Date, limit: number): Promise<DueNotification[]> {
    const { results } = await this.db.prepare(SQL.dueNotifications).bind(now.toISOString(), limit).all<DueRow>();
    return results.map(dueFromRow);
  }

  async placesTaken(): Promise<Record<string, number>> {
    return placesFromRows((await this.db.prepare(SQL.placesTaken).all<{ session_key: string; n: number }>()).results);
  }

  async notificationSent(outboxId: number, at: Date): Promise<void> {
    await this.db.prepare(SQL.notificationSent).bind(at.toISOString(), outboxId).run();
  }

  async notificationFailed(outboxId: number, nextAttemptAt: Date, error: string): Promise<void> {
    await this.db.prepare(SQL.notificationFailed).bind(nextAttemptAt.toISOString(), error.slice(0, 200), outboxId).run();
  }

  async expiredIds(now: Date): Promise<string[]> {
    return (await this.db.prepare(SQL.expiredIds).bind(now.toISOString()).all<{ id: string }>()).results.map((r) => r.id);
  }

  /**
   * Deletes in one batch. D1 keeps its own history (Time Travel, 30 days) out of this store's reach:
   * see EXPLOITATION.md; `clean` says the rows are gone from the database.
   */
  async erase(ids: string[]): Promise<EraseResult> {
    if (!ids.length) return { erased: 0, clean: true };
    // Outbox rows first: D1 enforces foreign keys, and cascades too, but the order keeps it plain.
    const results = await this.db.batch(
      ids.flatMap((id) => [
        this.db.prepare('DELETE FROM outbox WHERE submission_id = ?').bind(id),
        // RETURNING: D1's `changes` also counts the rows a cascade deleted (the inbox's state and notes).
        this.db.prepare(`${SQL.deleteSubmission} RETURNING id`).bind(id),
      ]),
    );
    const erased = results.filter((_, i) => i % 2 === 1).reduce((n, r) => n + r.results.length, 0);
    return { erased, clean: true };
  }

  async addCounts(counts: Record<string, number>): Promise<void> {
    const entries = Object.entries(counts).filter(([, v]) => v);
    if (entries.length) await this.db.batch(entries.map(([name, value]) => this.db.prepare(SQL.addCount).bind(name, value)));
  }

  async counters(): Promise<ServiceCounters> {
    const [counts, outbox] = await this.db.batch<Record<string, unknown>>([
      this.db.prepare(SQL.counts),
      this.db.prepare(SQL.outboxCounts),
    ]);
    const o = outbox!.results[0] as { pending: number | null; failing: number | null; sent: number | null };
    return {
      counts: Object.fromEntries((counts!.results as { name: string; value: number }[]).map((r) => [r.name, Number(r.value)])),
      notifications: { pending: Number(o.pending ?? 0), failing: Number(o.failing ?? 0), sent: Number(o.sent ?? 0) },
    };
  }

  async writable(): Promise<boolean> {
    try {
      await this.db.batch([this.db.prepare(SQL.probeInsert).bind(new Date().toISOString()), this.db.prepare(SQL.probeClear)]);
      return true;
    } catch {
      return false;
    }
  }

  /** Rate-limit windows in D1, shared by every isolate (see postgres.ts: a failed count lets the request on). */
  rateLimiter(options: RateLimitOptions): RateLimit {
    let hits = 0;
    return {
      hit: async (key: string, now: number): Promise<RateDecision> => {
        try {
          if (++hits % 1000 === 0) await this.db.prepare(D1_SQL.rateSweep).bind(now).run();
          const row = await this.db
            .prepare(D1_SQL.rateHit)
            .bind(key, now + options.windowMs, now)
            .first<{ count: number; window_end: number }>();
          if (!row || row.count <= options.max) return { allowed: true };
          return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((row.window_end - now) / 1000)) };
        } catch {
          return { allowed: true };
        }
      },
    };
  }

  /**
   * Purge and delivery one at a time across isolates and overlapping cron runs (as PostgreSQL's advisory
   * locks): false when another holds the job's lease now.
   */
  async runAlone(job: string, run: () => Promise<void>): Promise<boolean> {
    const key = `bail:${job}`;
    const token = crypto.getRandomValues(new Uint32Array(1))[0]! + 1;
    const now = Date.now();
    const held = await this.db
      .prepare(D1_SQL.leaseTake)
      .bind(key, now + LEASE_MS, token, now)
      .first<{ count: number }>();
    if (held?.count !== token) return false;
    try {
      await run();
    } finally {
      await this.db.prepare(D1_SQL.leaseFree).bind(key, token).run();
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

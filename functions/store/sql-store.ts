/**
 * The store's methods written once over sql.ts, for the three engines. A store gives its dialect and two
 * ways to run SQL: `read` (one query) and `write` (statements in one transaction; SQLite's go to its
 * writer thread). Saving, erasing and what only one engine has (group commit, checkpoint, VACUUM, job
 * locks) stay in each store.
 */
import { statement, type Dialect, type Statement } from './dialect.ts';
import { dueFromRow, placesFromRows, countersFromRows, type DueRow, type OutboxCountsRow } from './rows.ts';
import { saveResults, saveStatements, type Outcome, type SaveItem } from './save-statements.ts';
import type { RateDecision, RateLimit, RateLimitOptions } from '../rate-limit.ts';
import type {
  DueNotification,
  EraseResult,
  NewNotification,
  NewSubmission,
  SaveResult,
  ServiceCounters,
  SubmissionStore,
} from './types.ts';

export abstract class SqlStore implements SubmissionStore {
  protected abstract readonly dialect: Dialect;
  /** One query, outside any transaction. */
  protected abstract read<T>(query: Statement): Promise<T[]>;
  /** Statements in one transaction, all or none; the outcome of each, in order. */
  protected abstract write(statements: Statement[]): Promise<Outcome[]>;

  abstract save(submission: NewSubmission, notification: NewNotification): Promise<SaveResult>;
  abstract erase(ids: string[]): Promise<EraseResult>;
  abstract close(): Promise<void>;

  /** A batch of submissions and their outbox rows in one transaction (save-statements.ts). */
  protected async commit(batch: SaveItem[]): Promise<SaveResult[]> {
    const plan = saveStatements(this.dialect, batch);
    return saveResults(batch, plan, await this.write(plan.statements));
  }

  private q(name: Parameters<typeof statement>[1], ...params: unknown[]): Statement {
    return statement(this.dialect, name, ...params);
  }

  async dueNotifications(now: Date, limit: number): Promise<DueNotification[]> {
    return (await this.read<DueRow>(this.q('dueNotifications', now.toISOString(), limit))).map(dueFromRow);
  }

  async placesTaken(): Promise<Record<string, number>> {
    return placesFromRows(await this.read<{ session_key: string; n: number | string }>(this.q('placesTaken')));
  }

  async notificationSent(outboxId: number, at: Date): Promise<void> {
    await this.write([this.q('notificationSent', at.toISOString(), outboxId)]);
  }

  async notificationFailed(outboxId: number, nextAttemptAt: Date, error: string): Promise<void> {
    await this.write([this.q('notificationFailed', nextAttemptAt.toISOString(), error.slice(0, 200), outboxId)]);
  }

  async expiredIds(now: Date): Promise<string[]> {
    return (await this.read<{ id: string }>(this.q('expiredIds', now.toISOString()))).map((r) => r.id);
  }

  async addCounts(counts: Record<string, number>): Promise<void> {
    const entries = Object.entries(counts).filter(([, v]) => v);
    if (entries.length) await this.write(entries.map(([name, value]) => this.q('addCount', name, value)));
  }

  async counters(): Promise<ServiceCounters> {
    const [counts, outbox] = await Promise.all([
      this.read<{ name: string; value: number | string }>(this.q('counts')),
      this.read<OutboxCountsRow>(this.q('outboxCounts')),
    ]);
    return countersFromRows(counts, outbox[0]);
  }

  /** Writes and removes a probe row in one transaction. */
  async writable(): Promise<boolean> {
    try {
      await this.write([this.q('probeInsert', new Date().toISOString()), this.q('probeClear')]);
      return true;
    } catch {
      return false;
    }
  }

  /**
   * Rate-limit windows in the database, so that the limit holds across instances and isolates (they must
   * share one clientHashSecret); `key` is computed by the caller. If the database cannot count, the request
   * goes on: saving it will say 503 if the database is down, and a person must not be refused because a
   * counter failed (a deliberate fail-open).
   */
  rateLimiter(options: RateLimitOptions): RateLimit {
    let hits = 0;
    return {
      hit: async (key: string, now: number): Promise<RateDecision> => {
        try {
          if (++hits % 1000 === 0) await this.write([this.q('rateSweep', now)]);
          const [outcome] = await this.write([this.q('rateHit', key, now + options.windowMs, now)]);
          const row = outcome?.rows[0] as { count: number; window_end: number | string } | undefined;
          if (!row || row.count <= options.max) return { allowed: true };
          return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((Number(row.window_end) - now) / 1000)) };
        } catch {
          return { allowed: true };
        }
      },
    };
  }
}

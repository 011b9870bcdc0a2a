/** Rows as every back-end reads them (same columns, same SQL from sql.ts), turned into the store's types. */
import type { DueNotification, ServiceCounters } from './types.ts';

/** A row of the `dueNotifications` query, on SQLite, D1 and PostgreSQL alike. */
export type DueRow = {
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
  waiting_list: number | null;
  link: string | null;
};

export const dueFromRow = (r: DueRow): DueNotification => ({
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
  ...(Number(r.waiting_list) === 1 ? { waitingList: true } : {}),
  ...(r.link ? { link: r.link } : {}),
});

/** Places taken per session key, from rows of `placesTaken`. */
export const placesFromRows = (rows: { session_key: string; n: number | string }[]): Record<string, number> =>
  Object.fromEntries(rows.map((r) => [r.session_key, Number(r.n)]));

/** A row of `outboxCounts` (PostgreSQL sends its sums as text; an empty outbox sums to NULL). */
export type OutboxCountsRow = {
  pending: number | string | null;
  failing: number | string | null;
  sent: number | string | null;
  oldest_pending?: string | null;
};

export const countersFromRows = (
  counts: { name: string; value: number | string }[],
  o: OutboxCountsRow | undefined,
): ServiceCounters => ({
  counts: Object.fromEntries(counts.map((r) => [r.name, Number(r.value)])),
  notifications: {
    pending: Number(o?.pending ?? 0),
    failing: Number(o?.failing ?? 0),
    sent: Number(o?.sent ?? 0),
    oldestPendingAt: o?.oldest_pending ?? null,
  },
});

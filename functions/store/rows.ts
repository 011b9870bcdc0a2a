/** Rows as every back-end reads them (same columns, same SQL but for placeholders), turned into the store's types. */
import type { DueNotification } from './types.ts';

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
});

/** The SaveResult part that says whether a sign-up got a place (absent for a form without places). */
export const placeResult = (waitingList: number | null | undefined): { waitingList?: boolean } =>
  waitingList === null || waitingList === undefined ? {} : { waitingList: Number(waitingList) === 1 };

/** Places taken per session key, from rows of `placesTaken`. */
export const placesFromRows = (rows: { session_key: string; n: number | string }[]): Record<string, number> =>
  Object.fromEntries(rows.map((r) => [r.session_key, Number(r.n)]));

/**
 * The statements that save a batch of submissions with their outbox rows, built once for the three stores;
 * each store runs them as one transaction (SQLite's writer thread, a PostgreSQL transaction, a D1 batch)
 * and reads the results back with `saveResults`.
 */
import { statement, type Dialect, type Statement } from './dialect.ts';
import type { NewNotification, NewSubmission, SaveResult } from './types.ts';

export type SaveItem = { submission: NewSubmission; notification: NewNotification };

/** The rows of each statement, in order, once the transaction has committed. */
export type Outcome = { rows: Record<string, unknown>[]; changes: number };

export type SavePlan = {
  statements: Statement[];
  /** Per submission: the statement whose first row gives the id that holds it and its place, if any. */
  reads: (number | undefined)[];
};

export function saveStatements(dialect: Dialect, batch: SaveItem[]): SavePlan {
  const statements: Statement[] = [];
  // Session locks in sorted order, so two transactions never wait on each other.
  if (dialect.lockSession) {
    const sessions = new Set(batch.flatMap(({ submission: s }) => (s.place ? [s.place.session] : [])));
    for (const session of [...sessions].sort()) statements.push({ sql: dialect.lockSession, params: [session] });
  }
  const reads = batch.map(({ submission, notification }) => {
    statements.push(...submissionStatements(dialect, submission, notification));
    const read = readBack(dialect, submission);
    if (!read) return undefined;
    statements.push(read);
    return statements.length - 1;
  });
  return { statements, reads };
}

function submissionStatements(dialect: Dialect, s: NewSubmission, n: NewNotification): Statement[] {
  const clear = s.content.kind === 'clear' ? s.content : undefined;
  const sealed = s.content.kind === 'sealed' ? s.content : undefined;
  const key = s.idempotencyKey;
  const insert = statement(
    dialect,
    key ? 'insertKeyed' : 'insertPlain',
    s.id,
    s.formKey,
    s.receivedAt,
    s.deleteAfter,
    key ?? null,
    clear?.json ?? null,
    sealed ? dialect.blob(sealed.ciphertext) : null,
    sealed?.keyId ?? null,
    sealed ? dialect.blob(sealed.encapsulatedKey) : null,
    s.place?.session ?? null,
    s.place?.capacity ?? null,
  );
  const rows: [string, string, string | null, string | null, string | null][] = [
    ['equipe', JSON.stringify(n.recipients), n.subject ?? null, n.replyTo ?? null, null],
  ];
  if (n.confirmationTo) rows.push(['confirmation', JSON.stringify([n.confirmationTo]), null, null, n.confirmationLink ?? null]);
  // A retry (same key) queues nothing: the first submission's notification is already queued.
  const outbox = rows.map(([kind, recipients, subject, replyTo, link]) =>
    key
      ? statement(dialect, 'insertOutboxIfFirst', s.id, kind, recipients, subject, replyTo, s.receivedAt, link, s.formKey, key)
      : statement(dialect, 'insertOutbox', s.id, kind, recipients, subject, replyTo, s.receivedAt, link),
  );
  const link = s.privateLink;
  // Nor a second private link: a retry's answer is the first submission's (submit.ts).
  const linked = !link
    ? []
    : key
      ? [statement(dialect, 'insertPrivateLinkIfFirst', link.tokenHash, s.id, link.expiresAt, s.formKey, key)]
      : [statement(dialect, 'insertPrivateLink', link.tokenHash, s.id, link.expiresAt)];
  return [insert, ...outbox, ...linked];
}

/** Which submission holds the key (a retry gets the first one's id), and whether it got a place. */
function readBack(dialect: Dialect, s: NewSubmission): Statement | undefined {
  if (s.idempotencyKey) return statement(dialect, 'idByIdempotencyKey', s.formKey, s.idempotencyKey);
  if (s.place) return statement(dialect, 'waitingListOf', s.id);
  return undefined;
}

export function saveResults(batch: SaveItem[], plan: SavePlan, outcomes: Outcome[]): SaveResult[] {
  return batch.map(({ submission: s }, i) => {
    const at = plan.reads[i];
    const row = at === undefined ? undefined : (outcomes[at]?.rows[0] as { id: string; waiting_list: number | null });
    const holder = row?.id ?? s.id;
    return { id: holder, duplicate: holder !== s.id, ...placeResult(row?.waiting_list) };
  });
}

/** The SaveResult part that says whether a sign-up got a place (absent for a form without places). */
export const placeResult = (waitingList: number | null | undefined): { waitingList?: boolean } =>
  waitingList === null || waitingList === undefined ? {} : { waitingList: Number(waitingList) === 1 };

/** Deleting submissions with their outbox rows: two statements per id, in one transaction. */
export const eraseStatements = (dialect: Dialect, ids: string[]): Statement[] =>
  ids.flatMap((id) => [statement(dialect, 'deleteOutboxOf', id), statement(dialect, 'deleteSubmission', id)]);

/** Submissions deleted, from the outcomes of `eraseStatements`. */
export const erasedCount = (outcomes: Outcome[]) => outcomes.filter((_, i) => i % 2 === 1).reduce((n, o) => n + o.rows.length, 0);

/**
 * Every SQL statement of the three stores (SQLite, D1, PostgreSQL), written once. Placeholders are numbered
 * `?1`, `?2`…, which SQLite and D1 read as is and dialect.ts turns into `$1`, `$2`… for PostgreSQL. Only SQL
 * both engines read the same way: ON CONFLICT … DO NOTHING / DO UPDATE and RETURNING (SQLite ≥ 3.35), CAST
 * where PostgreSQL must know a parameter's type. What differs is named in dialect.ts, not here.
 */

/**
 * The place of a sign-up (?10 = session key, ?11 = its capacity), decided by the insert itself: a place while
 * fewer than the capacity are taken, else the waiting list. SQLite and D1 have one writer; PostgreSQL takes
 * the session's lock first (dialect.ts), so the count sees every sign-up committed before.
 */
const WAITING_LIST = `CASE WHEN CAST(?10 AS TEXT) IS NULL THEN NULL
      WHEN (SELECT count(*) FROM submissions WHERE session_key = CAST(?10 AS TEXT) AND waiting_list = 0) < CAST(?11 AS INTEGER)
      THEN 0 ELSE 1 END`;
const SUBMISSION_VALUES = `INSERT INTO submissions (id, form_key, received_at, delete_after, idempotency_key, data_json, sealed, key_id,
      encapsulated_key, session_key, waiting_list)
    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, CAST(?10 AS TEXT), ${WAITING_LIST})`;
const OUTBOX_COLUMNS = 'INSERT INTO outbox (submission_id, kind, recipients_json, subject, reply_to, next_attempt_at, link)';
const PRIVATE_LINK_COLUMNS = 'INSERT INTO private_links (token_hash, submission_id, expires_at)';

export const SQL = {
  // A keyed submission yields to the first one with its key (even on another instance); an id used twice
  // still fails the transaction, as does any id collision of a submission without a key.
  insertKeyed: `${SUBMISSION_VALUES}
    ON CONFLICT (form_key, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING`,
  insertPlain: SUBMISSION_VALUES,
  insertOutbox: `${OUTBOX_COLUMNS} VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)`,
  // The outbox row only for the submission that holds the key (?8 form, ?9 key), not for a retry.
  insertOutboxIfFirst: `${OUTBOX_COLUMNS}
    SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7 WHERE (SELECT id FROM submissions WHERE form_key = ?8 AND idempotency_key = ?9) = ?1`,
  // A resident's private link (migration 7; functions/suivi.ts), in the submission's transaction: only the
  // token's hash (?1), for the submission ?2, until ?3; with a key (?4 form, ?5 key), not for a retry.
  insertPrivateLink: `${PRIVATE_LINK_COLUMNS} VALUES (?1, ?2, ?3)`,
  insertPrivateLinkIfFirst: `${PRIVATE_LINK_COLUMNS}
    SELECT ?1, ?2, ?3 WHERE (SELECT id FROM submissions WHERE form_key = ?4 AND idempotency_key = ?5) = ?2`,
  idByIdempotencyKey: 'SELECT id, waiting_list FROM submissions WHERE form_key = ?1 AND idempotency_key = ?2',
  waitingListOf: 'SELECT id, waiting_list FROM submissions WHERE id = ?1',
  placesTaken:
    'SELECT session_key, count(*) AS n FROM submissions WHERE session_key IS NOT NULL AND waiting_list = 0 GROUP BY session_key',
  dueNotifications: `SELECT o.id AS outbox_id, o.submission_id, s.form_key, s.received_at, o.kind, o.recipients_json, o.subject,
           o.reply_to, o.attempts, s.data_json, s.waiting_list, o.link
      FROM outbox o JOIN submissions s ON s.id = o.submission_id
     WHERE o.status = 'pending' AND o.next_attempt_at <= ?1
     ORDER BY o.next_attempt_at, o.id LIMIT ?2`,
  // The private link a confirmation gave (migration 7) is not kept once the person has it.
  notificationSent: `UPDATE outbox SET status = 'sent', sent_at = ?1, attempts = attempts + 1, last_error = NULL, link = NULL
    WHERE id = ?2`,
  notificationFailed: 'UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?1, last_error = ?2 WHERE id = ?3',
  // Past retention, and the team told: a request nobody was told of is never purged. A confirmation to
  // the person that cannot be delivered (a mistyped address) does not keep the data past its date.
  expiredIds: `SELECT s.id FROM submissions s
     WHERE s.delete_after <= ?1
       AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.submission_id = s.id AND o.kind = 'equipe' AND o.status <> 'sent')
     ORDER BY s.delete_after, s.id`,
  // Outbox rows first, then the submission (the foreign key cascades too; the order keeps it plain).
  deleteOutboxOf: 'DELETE FROM outbox WHERE submission_id = ?1',
  // RETURNING: D1 counts the rows a cascade deleted (the inbox's state and notes) in its changes.
  deleteSubmission: 'DELETE FROM submissions WHERE id = ?1 RETURNING id',
  addCount:
    'INSERT INTO counters (name, value) VALUES (?1, ?2) ON CONFLICT (name) DO UPDATE SET value = counters.value + excluded.value',
  counts: 'SELECT name, value FROM counters ORDER BY name',
  outboxCounts: `SELECT
       SUM(CASE WHEN status = 'pending' THEN 1 ELSE 0 END) AS pending,
       SUM(CASE WHEN status = 'pending' AND attempts > 0 THEN 1 ELSE 0 END) AS failing,
       SUM(CASE WHEN status = 'sent' THEN 1 ELSE 0 END) AS sent,
       (SELECT MIN(s.received_at) FROM outbox p JOIN submissions s ON s.id = p.submission_id
         WHERE p.status = 'pending') AS oldest_pending
     FROM outbox`,
  probeInsert: 'INSERT INTO health_probe (at) VALUES (?1)',
  probeClear: 'DELETE FROM health_probe',
  // A window that is over starts again at 1; otherwise one more hit in it (?1 key, ?2 new window's end, ?3 now).
  rateHit: `INSERT INTO rate_limits (key, window_end, count) VALUES (?1, ?2, 1)
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN rate_limits.window_end <= ?3 THEN 1 ELSE rate_limits.count + 1 END,
      window_end = CASE WHEN rate_limits.window_end <= ?3 THEN excluded.window_end ELSE rate_limits.window_end END
    RETURNING count, window_end`,
  rateSweep: 'DELETE FROM rate_limits WHERE window_end <= ?1',
  // A job's lease (D1, which has no advisory lock): key "bail:<job>", its end, and the holder's token in count.
  // Taken only when free or expired (an isolate killed mid-run frees it at its end).
  leaseTake: `INSERT INTO rate_limits (key, window_end, count) VALUES (?1, ?2, ?3)
    ON CONFLICT (key) DO UPDATE SET window_end = excluded.window_end, count = excluded.count WHERE rate_limits.window_end <= ?4
    RETURNING count`,
  leaseFree: 'DELETE FROM rate_limits WHERE key = ?1 AND count = ?2',
} as const;

export type StatementName = keyof typeof SQL;

const STAFF_COLUMNS = 'id, form_key, received_at, delete_after, key_id, data_json, sealed, encapsulated_key, waiting_list';

/** The staff command's reads: it opens the SQLite file only (PostgreSQL: pg_dump; D1: wrangler). */
export const STAFF_SQL = {
  list: `SELECT ${STAFF_COLUMNS} FROM submissions ORDER BY received_at, rowid`,
  listForm: `SELECT ${STAFF_COLUMNS} FROM submissions WHERE form_key = ?1 ORDER BY received_at, rowid`,
  get: `SELECT ${STAFF_COLUMNS} FROM submissions WHERE id = ?1`,
} as const;

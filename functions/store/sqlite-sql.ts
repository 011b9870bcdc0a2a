/**
 * Every SQL statement of the SQLite store and the staff command, in one place. Plain SQL that ports
 * to D1 (the same dialect) and PostgreSQL ($n placeholders aside): no SQLite-only functions.
 */
/**
 * The place of a sign-up (?10 = session key, ?11 = its capacity), decided by the insert itself: a place while
 * fewer than the capacity are taken, else the waiting list. One statement in the writer's transaction
 * (SQLite: one writer; D1: a batch is one transaction), so the count and the insert cannot be split.
 */
export const WAITING_LIST = `CASE WHEN ?10 IS NULL THEN NULL
      WHEN (SELECT count(*) FROM submissions WHERE session_key = ?10 AND waiting_list = 0) < ?11 THEN 0 ELSE 1 END`;
const STAFF_COLUMNS = 'id, form_key, received_at, delete_after, key_id, data_json, sealed, encapsulated_key, waiting_list';

export const SQL = {
  insertSubmission: `INSERT INTO submissions (id, form_key, received_at, delete_after, idempotency_key, data_json, sealed, key_id, encapsulated_key,
      session_key, waiting_list)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?10, ${WAITING_LIST}) ON CONFLICT DO NOTHING`,
  idByIdempotencyKey: 'SELECT id, waiting_list FROM submissions WHERE form_key = ? AND idempotency_key = ?',
  waitingListOf: 'SELECT waiting_list FROM submissions WHERE id = ?',
  placesTaken:
    'SELECT session_key, count(*) AS n FROM submissions WHERE session_key IS NOT NULL AND waiting_list = 0 GROUP BY session_key',
  insertOutbox:
    'INSERT INTO outbox (submission_id, kind, recipients_json, subject, reply_to, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?)',
  dueNotifications: `SELECT o.id AS outbox_id, o.submission_id, s.form_key, s.received_at, o.kind, o.recipients_json, o.subject,
           o.reply_to, o.attempts, s.data_json, s.waiting_list
      FROM outbox o JOIN submissions s ON s.id = o.submission_id
     WHERE o.status = 'pending' AND o.next_attempt_at <= ?
     ORDER BY o.next_attempt_at, o.id LIMIT ?`,
  notificationSent: `UPDATE outbox SET status = 'sent', sent_at = ?, attempts = attempts + 1, last_error = NULL WHERE id = ?`,
  notificationFailed: 'UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE id = ?',
  // Past retention, and the team told: a request nobody was told of is never purged. A confirmation to
  // the person that cannot be delivered (a mistyped address) does not keep the data past its date.
  expiredIds: `SELECT s.id FROM submissions s
     WHERE s.delete_after <= ?
       AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.submission_id = s.id AND o.kind = 'equipe' AND o.status <> 'sent')
     ORDER BY s.delete_after, s.id`,
  // Outbox rows go with their submission (ON DELETE CASCADE).
  deleteSubmission: 'DELETE FROM submissions WHERE id = ?',
  addCount:
    'INSERT INTO counters (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = counters.value + excluded.value',
  counts: 'SELECT name, value FROM counters ORDER BY name',
  outboxCounts: `SELECT
       SUM(CASE WHEN status = 'pending' THEN 1 ELSE 0 END) AS pending,
       SUM(CASE WHEN status = 'pending' AND attempts > 0 THEN 1 ELSE 0 END) AS failing,
       SUM(CASE WHEN status = 'sent' THEN 1 ELSE 0 END) AS sent
     FROM outbox`,
  probeInsert: 'INSERT INTO health_probe (at) VALUES (?)',
  probeClear: 'DELETE FROM health_probe',
  staffList: `SELECT ${STAFF_COLUMNS} FROM submissions ORDER BY received_at, rowid`,
  staffListForm: `SELECT ${STAFF_COLUMNS} FROM submissions WHERE form_key = ? ORDER BY received_at, rowid`,
  staffGet: `SELECT ${STAFF_COLUMNS} FROM submissions WHERE id = ?`,
  checkpoint: 'PRAGMA wal_checkpoint(TRUNCATE)',
} as const;

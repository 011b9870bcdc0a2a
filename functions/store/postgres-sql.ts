/** Every SQL statement of the PostgreSQL store, in one place: sqlite-sql.ts with $n placeholders and arrays. */
export const PG_SQL = {
  migrationsTable: 'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)',
  migrationsApplied: 'SELECT coalesce(max(version), 0)::int AS n FROM schema_migrations',
  migrationRecord: 'INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)',
  // The place is decided by the insert, after lockSession (below) made every other sign-up to this
  // session wait for this transaction: the count sees all those committed before.
  insertSubmission: `INSERT INTO submissions (id, form_key, received_at, delete_after, idempotency_key, data_json, sealed, key_id, encapsulated_key,
      session_key, waiting_list)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::text, CASE WHEN $10::text IS NULL THEN NULL
      WHEN (SELECT count(*) FROM submissions WHERE session_key = $10::text AND waiting_list = 0) < $11::int THEN 0 ELSE 1 END)
    ON CONFLICT DO NOTHING
    RETURNING waiting_list`,
  // A transaction lock per session (released at commit), taken in sorted order so two batches never deadlock.
  lockSession: 'SELECT pg_advisory_xact_lock(1179779072, hashtext($1))',
  idByIdempotencyKey: 'SELECT id, waiting_list FROM submissions WHERE form_key = $1 AND idempotency_key = $2',
  placesTaken:
    'SELECT session_key, count(*) AS n FROM submissions WHERE session_key IS NOT NULL AND waiting_list = 0 GROUP BY session_key',
  insertOutbox:
    'INSERT INTO outbox (submission_id, kind, recipients_json, subject, reply_to, next_attempt_at) VALUES ($1, $2, $3, $4, $5, $6)',
  dueNotifications: `SELECT o.id AS outbox_id, o.submission_id, s.form_key, s.received_at, o.kind, o.recipients_json, o.subject,
           o.reply_to, o.attempts, s.data_json, s.waiting_list
      FROM outbox o JOIN submissions s ON s.id = o.submission_id
     WHERE o.status = 'pending' AND o.next_attempt_at <= $1
     ORDER BY o.next_attempt_at, o.id LIMIT $2`,
  notificationSent: `UPDATE outbox SET status = 'sent', sent_at = $1, attempts = attempts + 1, last_error = NULL WHERE id = $2`,
  notificationFailed: 'UPDATE outbox SET attempts = attempts + 1, next_attempt_at = $1, last_error = $2 WHERE id = $3',
  // Past retention, and the team told (see sqlite-sql.ts).
  expiredIds: `SELECT s.id FROM submissions s
     WHERE s.delete_after <= $1
       AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.submission_id = s.id AND o.kind = 'equipe' AND o.status <> 'sent')
     ORDER BY s.delete_after, s.id`,
  deleteSubmissions: 'DELETE FROM submissions WHERE id = ANY($1::text[])',
  addCounts: `INSERT INTO counters (name, value) SELECT * FROM unnest($1::text[], $2::bigint[])
    ON CONFLICT (name) DO UPDATE SET value = counters.value + excluded.value`,
  counts: 'SELECT name, value FROM counters ORDER BY name',
  outboxCounts: `SELECT
       count(*) FILTER (WHERE status = 'pending') AS pending,
       count(*) FILTER (WHERE status = 'pending' AND attempts > 0) AS failing,
       count(*) FILTER (WHERE status = 'sent') AS sent
     FROM outbox`,
  // Simple protocol, one implicit transaction: a write reaches the log and nothing stays.
  probe: 'BEGIN; INSERT INTO health_probe (at) VALUES (now()::text); DELETE FROM health_probe; COMMIT',
  // A window that is over starts again at 1; otherwise one more hit in it.
  rateHit: `INSERT INTO rate_limits (key, window_end, count) VALUES ($1, $2, 1)
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN rate_limits.window_end <= $3 THEN 1 ELSE rate_limits.count + 1 END,
      window_end = CASE WHEN rate_limits.window_end <= $3 THEN excluded.window_end ELSE rate_limits.window_end END
    RETURNING count, window_end`,
  rateSweep: 'DELETE FROM rate_limits WHERE window_end <= $1',
} as const;

/**
 * Versioned schema of the SQLite store. PRAGMA user_version holds the number of migrations applied;
 * add new ones at the end, never edit one that has shipped. PostgreSQL has the same list, same numbers
 * and meaning, in its dialect (postgres-migrations.ts).
 */
import { EQUIPE_MIGRATION_SQLITE, NOTIFICATIONS_MIGRATION_SQLITE, PRIVATE_LINKS_MIGRATION } from './equipe-sql.ts';

export const MIGRATIONS: readonly string[] = [
  // 1: submissions and their outbox.
  `CREATE TABLE submissions (
     id TEXT PRIMARY KEY,
     form_key TEXT NOT NULL,
     received_at TEXT NOT NULL,
     delete_after TEXT NOT NULL,
     idempotency_key TEXT,
     data_json TEXT,
     sealed BLOB,
     key_id TEXT,
     encapsulated_key BLOB,
     -- Either clear JSON, or a sealed blob with the key id and encapsulated key: never both, never neither.
     CHECK ((data_json IS NOT NULL AND sealed IS NULL AND key_id IS NULL AND encapsulated_key IS NULL)
         OR (data_json IS NULL AND sealed IS NOT NULL AND key_id IS NOT NULL AND encapsulated_key IS NOT NULL))
   ) STRICT;
   CREATE UNIQUE INDEX submissions_idempotency ON submissions(form_key, idempotency_key) WHERE idempotency_key IS NOT NULL;
   CREATE INDEX submissions_delete_after ON submissions(delete_after);
   CREATE TABLE outbox (
     id INTEGER PRIMARY KEY,
     submission_id TEXT NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
     recipients_json TEXT NOT NULL,
     subject TEXT,
     reply_to TEXT,
     status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
     attempts INTEGER NOT NULL DEFAULT 0,
     next_attempt_at TEXT NOT NULL,
     sent_at TEXT
   ) STRICT;
   CREATE INDEX outbox_due ON outbox(status, next_attempt_at);`,
  // 2: who a notification is for (the team, or the person who asked for a confirmation) and why the
  // last attempt failed (an SMTP code, never content), for the staff to see in the outbox.
  `ALTER TABLE outbox ADD COLUMN kind TEXT NOT NULL DEFAULT 'equipe' CHECK (kind IN ('equipe', 'confirmation'));
   ALTER TABLE outbox ADD COLUMN last_error TEXT;`,
  // 3: service counters (accepted, refused by reason), for the staff command; never any content.
  // The probe table lets the health check prove a write reaches the disk without touching submissions.
  `CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL) STRICT;
   CREATE TABLE health_probe (id INTEGER PRIMARY KEY, at TEXT NOT NULL) STRICT;`,
  // 4: rate-limit windows shared by every instance on one database (PostgreSQL, D1); key = form and a
  // keyed hash of the client address, never the address. One Node process on SQLite counts in memory.
  `CREATE TABLE rate_limits (key TEXT PRIMARY KEY, window_end INTEGER NOT NULL, count INTEGER NOT NULL) STRICT;`,
  // 5: places of a training session, counted in the same transaction as the sign-up. The session key
  // (training/session) stays clear even when the content is sealed; waiting_list is 0 for a place, 1 for
  // the waiting list, NULL for a form without places.
  `ALTER TABLE submissions ADD COLUMN session_key TEXT;
   ALTER TABLE submissions ADD COLUMN waiting_list INTEGER CHECK (waiting_list IN (0, 1));
   CREATE INDEX submissions_session ON submissions(session_key, waiting_list) WHERE session_key IS NOT NULL;`,
  // 6: the teams' inbox (issue 19): staff, invitations, passkeys, sessions, request state, notes, append-only audit.
  EQUIPE_MIGRATION_SQLITE,
  // 7: residents' private links to follow a request (issue 19, item 6). A cancelled sign-up keeps its
  // session_key with waiting_list NULL (no new column): it no longer takes a place.
  PRIVATE_LINKS_MIGRATION(true),
  // 8: how each staff member is told of new requests (at once, a daily digest, or not by e-mail).
  NOTIFICATIONS_MIGRATION_SQLITE,
];

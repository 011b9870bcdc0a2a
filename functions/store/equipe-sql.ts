/**
 * Every SQL statement of the teams' inbox, written once with `?` placeholders: SQLite and D1 run it as is,
 * PostgreSQL after `?` → `$n` (equipe-postgres.ts). Plain SQL only (ON CONFLICT, RETURNING), no dialect's own functions.
 */

const STAFF = 'id, name, email, role, teams_json, quartiers_json, created_at';
const CREDENTIAL = 'id, staff_id, public_key, counter, transports_json, created_at';
const SESSION = 'staff_id, created_at, last_seen_at, idle_expires_at, expires_at';
const REQUEST = `s.id, s.form_key, s.received_at, s.data_json, s.key_id, s.session_key, s.waiting_list,
  r.state, r.assignee_id, r.reason, r.team, r.quartier, r.updated_at
  FROM submissions s LEFT JOIN request_state r ON r.submission_id = s.id`;

export const EQUIPE_SQL = {
  addStaff: `INSERT INTO staff (${STAFF}) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  updateStaff: 'UPDATE staff SET name = ?, email = ?, role = ?, teams_json = ?, quartiers_json = ? WHERE id = ?',
  staff: `SELECT ${STAFF} FROM staff WHERE id = ?`,
  staffByEmail: `SELECT ${STAFF} FROM staff WHERE email = ?`,
  allStaff: `SELECT ${STAFF} FROM staff ORDER BY name, id`,

  addInvitation: 'INSERT INTO invitations (token_hash, staff_id, created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?)',
  invitation: `SELECT staff_id, created_by, created_at, expires_at, used_at FROM invitations
    WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?`,
  // Used once: the statements after this one act only if this one marked it with this credential's id.
  useInvitation: `UPDATE invitations SET used_at = ?, used_credential = ?
    WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?`,
  dropCredentialsOfInvited: `DELETE FROM credentials
    WHERE staff_id = (SELECT staff_id FROM invitations WHERE token_hash = ? AND used_credential = ?)`,
  dropSessionsOfInvited: `DELETE FROM staff_sessions
    WHERE staff_id = (SELECT staff_id FROM invitations WHERE token_hash = ? AND used_credential = ?)`,
  addCredentialOfInvited: `INSERT INTO credentials (${CREDENTIAL})
    SELECT ?, ?, ?, ?, ?, ? WHERE EXISTS
      (SELECT 1 FROM invitations WHERE token_hash = ? AND used_credential = ? AND staff_id = ?)`,
  credential: `SELECT ${CREDENTIAL} FROM credentials WHERE id = ?`,
  credentialsOf: `SELECT ${CREDENTIAL} FROM credentials WHERE staff_id = ? ORDER BY created_at, id`,
  credentialUsed: 'UPDATE credentials SET counter = ?, last_used_at = ? WHERE id = ?',

  addSession: `INSERT INTO staff_sessions (token_hash, ${SESSION}) VALUES (?, ?, ?, ?, ?, ?)`,
  touchSession: `UPDATE staff_sessions SET last_seen_at = ?, idle_expires_at = ?
    WHERE token_hash = ? AND idle_expires_at > ? AND expires_at > ?`,
  session: `SELECT ${SESSION} FROM staff_sessions WHERE token_hash = ?`,
  endSession: 'DELETE FROM staff_sessions WHERE token_hash = ?',
  endSessionsOf: 'DELETE FROM staff_sessions WHERE staff_id = ?',
  sweepSessions: 'DELETE FROM staff_sessions WHERE expires_at <= ? OR idle_expires_at <= ?',

  requests: `SELECT ${REQUEST} ORDER BY s.received_at, s.id`,
  requestsOfForm: `SELECT ${REQUEST} WHERE s.form_key = ? ORDER BY s.received_at, s.id`,
  request: `SELECT ${REQUEST} WHERE s.id = ?`,
  sealedBytes: 'SELECT key_id, encapsulated_key, sealed FROM submissions WHERE id = ? AND key_id IS NOT NULL',
  setState: `INSERT INTO request_state (submission_id, state, assignee_id, reason, updated_at) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (submission_id) DO UPDATE SET state = excluded.state, assignee_id = excluded.assignee_id,
      reason = excluded.reason, updated_at = excluded.updated_at`,
  setRoute: `INSERT INTO request_state (submission_id, state, team, quartier, updated_at) VALUES (?, 'nouveau', ?, ?, ?)
    ON CONFLICT (submission_id) DO UPDATE SET team = excluded.team, quartier = excluded.quartier, updated_at = excluded.updated_at`,
  addEvent: 'INSERT INTO request_events (submission_id, at, staff_id, kind, detail) VALUES (?, ?, ?, ?, ?)',
  history: 'SELECT at, staff_id, kind, detail FROM request_events WHERE submission_id = ? ORDER BY at, id',

  addNote: `INSERT INTO notes (submission_id, staff_id, at, text, key_id, encapsulated_key, sealed)
    VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`,
  notes:
    'SELECT id, submission_id, staff_id, at, text, key_id, encapsulated_key, sealed FROM notes WHERE submission_id = ? ORDER BY at, id',

  audit: 'INSERT INTO audit (at, staff_id, action, target, detail) VALUES (?, ?, ?, ?, ?)',
  auditLog: 'SELECT id, at, staff_id, action, target, detail FROM audit ORDER BY id DESC LIMIT ?',
  auditLogBefore: 'SELECT id, at, staff_id, action, target, detail FROM audit WHERE id < ? ORDER BY id DESC LIMIT ?',

  notificationSettings: 'SELECT staff_id, mode, digest_sent_at FROM staff_notifications',
  notificationSetting: 'SELECT staff_id, mode, digest_sent_at FROM staff_notifications WHERE staff_id = ?',
  setNotificationMode: `INSERT INTO staff_notifications (staff_id, mode, updated_at) VALUES (?, ?, ?)
    ON CONFLICT (staff_id) DO UPDATE SET mode = excluded.mode, updated_at = excluded.updated_at`,
  // Claimed once per day, whatever the number of instances: only the first to move digest_sent_at sends.
  claimDigest: `INSERT INTO staff_notifications (staff_id, mode, digest_sent_at, updated_at) VALUES (?, ?, ?, ?)
    ON CONFLICT (staff_id) DO UPDATE SET digest_sent_at = excluded.digest_sent_at
    WHERE staff_notifications.digest_sent_at IS NULL OR staff_notifications.digest_sent_at <= ?`,
  // A digest that could not be sent is given back, unless another run claimed the next one meanwhile.
  releaseDigest: 'UPDATE staff_notifications SET digest_sent_at = ? WHERE staff_id = ? AND digest_sent_at = ?',

  // Places (migration 7). A cancelled sign-up keeps its session key with waiting_list NULL: it no longer
  // counts (sql.ts counts waiting_list = 0). Each change below re-counts the places inside its transaction.
  giveFreedPlace: `UPDATE submissions SET waiting_list = 0 WHERE id = ? AND session_key = ? AND waiting_list = 1
    AND (SELECT count(*) FROM submissions WHERE session_key = ? AND waiting_list = 0) < CAST(? AS INTEGER) RETURNING id`,
  giveFirstFreedPlace: `UPDATE submissions SET waiting_list = 0 WHERE id =
      (SELECT id FROM submissions WHERE session_key = ? AND waiting_list = 1 ORDER BY received_at, id LIMIT 1)
    AND (SELECT count(*) FROM submissions WHERE session_key = ? AND waiting_list = 0) < CAST(? AS INTEGER) RETURNING id`,
  // Before the cancellation itself: state and history only for sign-ups still counted (never twice).
  closeSignUps: `INSERT INTO request_state (submission_id, state, reason, updated_at)
    SELECT id, 'clos', ?, ? FROM submissions WHERE session_key = ? AND waiting_list IS NOT NULL AND (id = ? OR CAST(? AS TEXT) IS NULL)
    ON CONFLICT (submission_id) DO UPDATE SET state = excluded.state, reason = excluded.reason, updated_at = excluded.updated_at`,
  cancelEvents: `INSERT INTO request_events (submission_id, at, staff_id, kind, detail)
    SELECT id, ?, ?, 'annulation', ? FROM submissions WHERE session_key = ? AND waiting_list IS NOT NULL AND (id = ? OR CAST(? AS TEXT) IS NULL)`,
  cancelSignUps: `UPDATE submissions SET waiting_list = NULL
    WHERE session_key = ? AND waiting_list IS NOT NULL AND (id = ? OR CAST(? AS TEXT) IS NULL) RETURNING id`,

  // A message to the person who signed up, through the outbox: kind 'confirmation', `subject` names which one.
  tellPerson: `INSERT INTO outbox (submission_id, kind, recipients_json, subject, next_attempt_at) VALUES (?, 'confirmation', ?, ?, ?)`,

  // A resident's private link (migration 7): only the token's hash, gone with the submission.
  addPrivateLink: 'INSERT INTO private_links (token_hash, submission_id, expires_at) VALUES (?, ?, ?)',
  privateLink: `SELECT ${REQUEST} JOIN private_links p ON p.submission_id = s.id WHERE p.token_hash = ? AND p.expires_at > ?`,
} as const;

/**
 * The one dialect difference of the places' statements: PostgreSQL first takes the session's lock that its
 * sign-ups take (dialect.ts), so a count never misses a concurrent sign-up; SQLite and D1 have one writer.
 */
export const LOCK_SESSION_POSTGRES = 'SELECT pg_advisory_xact_lock(1179779072, hashtext(?))';

/**
 * Migration 7 (SQLite and D1; PostgreSQL without STRICT): residents' private links, hashed, gone with the
 * submission; and the link a confirmation e-mail gives the person (`outbox.link`), emptied once it is sent.
 */
export const PRIVATE_LINKS_MIGRATION = (strict: boolean) => `CREATE TABLE private_links (
     token_hash TEXT PRIMARY KEY,
     submission_id TEXT NOT NULL UNIQUE REFERENCES submissions(id) ON DELETE CASCADE,
     expires_at TEXT NOT NULL
   )${strict ? ' STRICT' : ''};
   ALTER TABLE outbox ADD COLUMN link TEXT;`;

/** Migration 6 of SQLite and D1 (sqlite-migrations.ts). Triggers on one line each: D1 splits statements at `;` + newline. */
export const EQUIPE_MIGRATION_SQLITE = `CREATE TABLE staff (
     id TEXT PRIMARY KEY,
     name TEXT NOT NULL,
     email TEXT NOT NULL UNIQUE,
     role TEXT NOT NULL CHECK (role IN ('administrateur', 'membre', 'referent')),
     teams_json TEXT NOT NULL,
     quartiers_json TEXT NOT NULL,
     created_at TEXT NOT NULL
   ) STRICT;
   CREATE TABLE invitations (
     token_hash TEXT PRIMARY KEY,
     staff_id TEXT NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
     created_by TEXT NOT NULL,
     created_at TEXT NOT NULL,
     expires_at TEXT NOT NULL,
     used_at TEXT,
     used_credential TEXT
   ) STRICT;
   CREATE TABLE credentials (
     id TEXT PRIMARY KEY,
     staff_id TEXT NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
     public_key TEXT NOT NULL,
     counter INTEGER NOT NULL,
     transports_json TEXT NOT NULL,
     created_at TEXT NOT NULL,
     last_used_at TEXT
   ) STRICT;
   CREATE INDEX credentials_staff ON credentials(staff_id);
   CREATE TABLE staff_sessions (
     token_hash TEXT PRIMARY KEY,
     staff_id TEXT NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
     created_at TEXT NOT NULL,
     last_seen_at TEXT NOT NULL,
     idle_expires_at TEXT NOT NULL,
     expires_at TEXT NOT NULL
   ) STRICT;
   CREATE INDEX staff_sessions_staff ON staff_sessions(staff_id);
   CREATE TABLE request_state (
     submission_id TEXT PRIMARY KEY REFERENCES submissions(id) ON DELETE CASCADE,
     state TEXT NOT NULL CHECK (state IN ('nouveau', 'en_cours', 'repondu', 'clos')),
     assignee_id TEXT,
     reason TEXT,
     team TEXT,
     quartier TEXT,
     updated_at TEXT NOT NULL
   ) STRICT;
   CREATE TABLE request_events (
     id INTEGER PRIMARY KEY,
     submission_id TEXT NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
     at TEXT NOT NULL,
     staff_id TEXT NOT NULL,
     kind TEXT NOT NULL,
     detail TEXT
   ) STRICT;
   CREATE INDEX request_events_submission ON request_events(submission_id);
   CREATE TABLE notes (
     id INTEGER PRIMARY KEY,
     submission_id TEXT NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
     staff_id TEXT NOT NULL,
     at TEXT NOT NULL,
     text TEXT,
     key_id TEXT,
     encapsulated_key TEXT,
     sealed TEXT,
     CHECK ((text IS NOT NULL AND sealed IS NULL) OR (text IS NULL AND sealed IS NOT NULL AND key_id IS NOT NULL AND encapsulated_key IS NOT NULL))
   ) STRICT;
   CREATE INDEX notes_submission ON notes(submission_id);
   CREATE TABLE audit (
     id INTEGER PRIMARY KEY,
     at TEXT NOT NULL,
     staff_id TEXT NOT NULL,
     action TEXT NOT NULL,
     target TEXT,
     detail TEXT
   ) STRICT;
   CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'journal d''audit : ajout seulement'); END;
   CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'journal d''audit : ajout seulement'); END;`;

/** Migration 6 of PostgreSQL (postgres-migrations.ts): the same tables; the audit refuses UPDATE, DELETE and TRUNCATE. */
export const EQUIPE_MIGRATION_POSTGRES = `CREATE TABLE staff (
     id TEXT PRIMARY KEY,
     name TEXT NOT NULL,
     email TEXT NOT NULL UNIQUE,
     role TEXT NOT NULL CHECK (role IN ('administrateur', 'membre', 'referent')),
     teams_json TEXT NOT NULL,
     quartiers_json TEXT NOT NULL,
     created_at TEXT NOT NULL
   );
   CREATE TABLE invitations (
     token_hash TEXT PRIMARY KEY,
     staff_id TEXT NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
     created_by TEXT NOT NULL,
     created_at TEXT NOT NULL,
     expires_at TEXT NOT NULL,
     used_at TEXT,
     used_credential TEXT
   );
   CREATE TABLE credentials (
     id TEXT PRIMARY KEY,
     staff_id TEXT NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
     public_key TEXT NOT NULL,
     counter BIGINT NOT NULL,
     transports_json TEXT NOT NULL,
     created_at TEXT NOT NULL,
     last_used_at TEXT
   );
   CREATE INDEX credentials_staff ON credentials(staff_id);
   CREATE TABLE staff_sessions (
     token_hash TEXT PRIMARY KEY,
     staff_id TEXT NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
     created_at TEXT NOT NULL,
     last_seen_at TEXT NOT NULL,
     idle_expires_at TEXT NOT NULL,
     expires_at TEXT NOT NULL
   );
   CREATE INDEX staff_sessions_staff ON staff_sessions(staff_id);
   CREATE TABLE request_state (
     submission_id TEXT PRIMARY KEY REFERENCES submissions(id) ON DELETE CASCADE,
     state TEXT NOT NULL CHECK (state IN ('nouveau', 'en_cours', 'repondu', 'clos')),
     assignee_id TEXT,
     reason TEXT,
     team TEXT,
     quartier TEXT,
     updated_at TEXT NOT NULL
   );
   CREATE TABLE request_events (
     id INTEGER GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
     submission_id TEXT NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
     at TEXT NOT NULL,
     staff_id TEXT NOT NULL,
     kind TEXT NOT NULL,
     detail TEXT
   );
   CREATE INDEX request_events_submission ON request_events(submission_id);
   CREATE TABLE notes (
     id INTEGER GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
     submission_id TEXT NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
     staff_id TEXT NOT NULL,
     at TEXT NOT NULL,
     text TEXT,
     key_id TEXT,
     encapsulated_key TEXT,
     sealed TEXT,
     CHECK ((text IS NOT NULL AND sealed IS NULL) OR (text IS NULL AND sealed IS NOT NULL AND key_id IS NOT NULL AND encapsulated_key IS NOT NULL))
   );
   CREATE INDEX notes_submission ON notes(submission_id);
   CREATE TABLE audit (
     id INTEGER GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
     at TEXT NOT NULL,
     staff_id TEXT NOT NULL,
     action TEXT NOT NULL,
     target TEXT,
     detail TEXT
   );
   CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN RAISE EXCEPTION 'journal d''audit : ajout seulement'; END $$;
   CREATE TRIGGER audit_no_change BEFORE UPDATE OR DELETE ON audit FOR EACH ROW EXECUTE FUNCTION audit_append_only();
   CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();`;

/**
 * Migration 8 (SQLite, D1): how each staff member is told of new requests. No row: the default (a daily
 * digest, NOTIFY_DEFAULT). digest_sent_at: when their last digest was claimed, so that one instance sends it.
 */
export const NOTIFICATIONS_MIGRATION_SQLITE = `CREATE TABLE staff_notifications (
     staff_id TEXT PRIMARY KEY REFERENCES staff(id) ON DELETE CASCADE,
     mode TEXT NOT NULL CHECK (mode IN ('immediat', 'quotidien', 'aucun')),
     digest_sent_at TEXT,
     updated_at TEXT NOT NULL
   ) STRICT;`;

/** Migration 8 of PostgreSQL: the same table. */
export const NOTIFICATIONS_MIGRATION_POSTGRES = `CREATE TABLE staff_notifications (
     staff_id TEXT PRIMARY KEY REFERENCES staff(id) ON DELETE CASCADE,
     mode TEXT NOT NULL CHECK (mode IN ('immediat', 'quotidien', 'aucun')),
     digest_sent_at TEXT,
     updated_at TEXT NOT NULL
   );`;

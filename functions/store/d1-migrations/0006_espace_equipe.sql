-- Généré depuis functions/store/sqlite-migrations.ts (migration 6) : ne pas modifier ici.
CREATE TABLE staff (
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
   CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'journal d''audit : ajout seulement'); END;

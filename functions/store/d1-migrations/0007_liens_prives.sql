-- Généré depuis functions/store/sqlite-migrations.ts (migration 7) : ne pas modifier ici.
CREATE TABLE private_links (
     token_hash TEXT PRIMARY KEY,
     submission_id TEXT NOT NULL UNIQUE REFERENCES submissions(id) ON DELETE CASCADE,
     expires_at TEXT NOT NULL
   ) STRICT;
   ALTER TABLE outbox ADD COLUMN link TEXT;

-- Généré depuis functions/store/sqlite-migrations.ts (migration 1) : ne pas modifier ici.
CREATE TABLE submissions (
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
   CREATE INDEX outbox_due ON outbox(status, next_attempt_at);

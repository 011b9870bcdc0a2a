-- Généré depuis functions/store/sqlite-migrations.ts (migration 8) : ne pas modifier ici.
CREATE TABLE staff_notifications (
     staff_id TEXT PRIMARY KEY REFERENCES staff(id) ON DELETE CASCADE,
     mode TEXT NOT NULL CHECK (mode IN ('immediat', 'quotidien', 'aucun')),
     digest_sent_at TEXT,
     updated_at TEXT NOT NULL
   ) STRICT;

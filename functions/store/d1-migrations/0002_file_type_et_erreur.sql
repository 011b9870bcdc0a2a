-- Généré depuis functions/store/sqlite-migrations.ts (migration 2) : ne pas modifier ici.
ALTER TABLE outbox ADD COLUMN kind TEXT NOT NULL DEFAULT 'equipe' CHECK (kind IN ('equipe', 'confirmation'));
   ALTER TABLE outbox ADD COLUMN last_error TEXT;

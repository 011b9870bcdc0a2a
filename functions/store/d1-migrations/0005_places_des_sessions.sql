-- Généré depuis functions/store/sqlite-migrations.ts (migration 5) : ne pas modifier ici.
ALTER TABLE submissions ADD COLUMN session_key TEXT;
   ALTER TABLE submissions ADD COLUMN waiting_list INTEGER CHECK (waiting_list IN (0, 1));
   CREATE INDEX submissions_session ON submissions(session_key, waiting_list) WHERE session_key IS NOT NULL;

-- Généré depuis functions/store/sqlite-migrations.ts (migration 4) : ne pas modifier ici.
CREATE TABLE rate_limits (key TEXT PRIMARY KEY, window_end INTEGER NOT NULL, count INTEGER NOT NULL) STRICT;

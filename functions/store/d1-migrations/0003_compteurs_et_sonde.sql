-- Généré depuis functions/store/sqlite-migrations.ts (migration 3) : ne pas modifier ici.
CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL) STRICT;
   CREATE TABLE health_probe (id INTEGER PRIMARY KEY, at TEXT NOT NULL) STRICT;

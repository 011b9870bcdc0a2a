-- Généré depuis functions/store/sqlite-migrations.ts (migration 7) : ne pas modifier ici.
SELECT 1;

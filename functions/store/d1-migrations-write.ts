/**
 * Writes the D1 migration files (wrangler's format, one SQL file per migration) from the one list,
 * sqlite-migrations.ts: `node functions/store/d1-migrations-write.ts`. A test fails when they differ.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MIGRATION_NAMES } from './d1.ts';
import { MIGRATIONS } from './sqlite-migrations.ts';

export const D1_MIGRATIONS_DIR = fileURLToPath(new URL('./d1-migrations/', import.meta.url));

/** A file's text: a header saying where it comes from, then the migration as it is in the list. */
export const migrationFile = (i: number) =>
  `-- Généré depuis functions/store/sqlite-migrations.ts (migration ${i + 1}) : ne pas modifier ici.\n${MIGRATIONS[i]!.trim()}\n`;

if (import.meta.main) {
  mkdirSync(D1_MIGRATIONS_DIR, { recursive: true });
  MIGRATION_NAMES.forEach((name, i) => writeFileSync(`${D1_MIGRATIONS_DIR}${name}`, migrationFile(i)));
  console.log(`${MIGRATION_NAMES.length} migrations écrites dans ${D1_MIGRATIONS_DIR}`);
}

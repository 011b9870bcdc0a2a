/** Opening the SQLite file the same way everywhere (server, its writer thread, staff command): durable settings, migrations. */
import { DatabaseSync } from 'node:sqlite';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { checkSchema, sqliteSchema } from './schema-check.ts';
import { MIGRATIONS } from './sqlite-migrations.ts';
import { MIGRATION_NAMES } from './d1.ts';

export type SqliteStoreOptions = {
  /** How long to wait for a lock held by another process before giving up (503). */
  busyTimeoutMs?: number;
  /** Caps the file size in pages; used to test a full database where no small filesystem can be mounted. */
  maxPageCount?: number;
};

export function openDatabase(file: string, { busyTimeoutMs = 2000, maxPageCount }: SqliteStoreOptions = {}): DatabaseSync {
  if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new DatabaseSync(file, { timeout: busyTimeoutMs });
  db.exec('PRAGMA journal_mode = WAL');
  db.exec('PRAGMA synchronous = FULL');
  db.exec('PRAGMA foreign_keys = ON');
  // Deleted rows (retention, a person's request) are overwritten with zeros, not left in free pages.
  db.exec('PRAGMA secure_delete = ON');
  if (maxPageCount) db.exec(`PRAGMA max_page_count = ${Math.floor(maxPageCount)}`);
  migrate(db);
  checkSchema(sqliteSchema(db));
  return db;
}

/**
 * How many migrations a copy of a D1 database has (`wrangler d1 export`, loaded into a file): D1 records them
 * in its d1_migrations table by name, never in user_version. 0 for a file that is not such a copy.
 */
function d1Version(db: DatabaseSync): number {
  const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'd1_migrations'").get();
  if (!table) return 0;
  const done = new Set((db.prepare('SELECT name FROM d1_migrations').all() as { name: string }[]).map((r) => r.name));
  let n = 0;
  while (n < MIGRATION_NAMES.length && done.has(MIGRATION_NAMES[n]!)) n++;
  return n;
}

/** Applies the migrations this database lacks (PRAGMA user_version counts those applied; a D1 copy, d1_migrations). */
export function migrate(db: DatabaseSync) {
  let { user_version: version } = db.prepare('PRAGMA user_version').get() as { user_version: number };
  if (version === 0) version = d1Version(db);
  for (let v = version; v < MIGRATIONS.length; v++) {
    db.exec('BEGIN IMMEDIATE');
    try {
      db.exec(MIGRATIONS[v]!);
      db.exec(`PRAGMA user_version = ${v + 1}`);
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
  }
}

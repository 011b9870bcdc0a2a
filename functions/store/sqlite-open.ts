/** Opening the SQLite file the same way everywhere (server, its writer thread, staff command): durable settings, migrations. */
import { DatabaseSync } from 'node:sqlite';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { MIGRATIONS } from './sqlite-migrations.ts';

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
  return db;
}

/** Applies the migrations this database lacks (PRAGMA user_version counts those applied). */
export function migrate(db: DatabaseSync) {
  const { user_version: version } = db.prepare('PRAGMA user_version').get() as { user_version: number };
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

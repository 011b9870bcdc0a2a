import { DatabaseSync } from 'node:sqlite';

/** The submission ids a SQLite base holds, sorted: what a backup or a restore brought back, read without writing. */
export function storedIds(file: string): string[] {
  const db = new DatabaseSync(file, { readOnly: true });
  try {
    return (db.prepare('SELECT id FROM submissions ORDER BY id').all() as { id: string }[]).map((r) => r.id);
  } finally {
    db.close();
  }
}

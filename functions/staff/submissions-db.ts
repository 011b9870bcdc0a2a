/**
 * The staff command's reads and erasures on the submissions database (metadata, sealed blobs, clear JSON).
 * It also reads a D1 export (`wrangler d1 export`, a SQL text) as it is, loaded in memory: reading only.
 */
import { DatabaseSync } from 'node:sqlite';
import { closeSync, existsSync, openSync, readFileSync, readSync } from 'node:fs';
import { MIGRATION_NAMES } from '../store/d1.ts';
import { migrate } from '../store/sqlite-open.ts';
import { UserError } from './command.ts';
import type { SealedRow } from '../seal/open.ts';
import { countersIn, eraseIn, openDatabase } from '../store/sqlite.ts';
import { STAFF_SQL } from '../store/sql.ts';
import type { EraseResult, ServiceCounters } from '../store/types.ts';

export type StoredRow = {
  id: string;
  formKey: string;
  receivedAt: string;
  deleteAfter: string;
  keyId: string | null;
  /** Clear JSON of a form that is not sensitive. */
  json: string | null;
  sealed: SealedRow | null;
  /** A sign-up that counts places (training session): `place` or `liste d’attente`; null for other forms. */
  place: 'place' | 'liste d’attente' | null;
};

type Raw = {
  id: string;
  form_key: string;
  received_at: string;
  delete_after: string;
  key_id: string | null;
  data_json: string | null;
  sealed: Uint8Array | null;
  encapsulated_key: Uint8Array | null;
  waiting_list: number | null;
};

const toRow = (r: Raw): StoredRow => ({
  id: r.id,
  formKey: r.form_key,
  receivedAt: r.received_at,
  deleteAfter: r.delete_after,
  keyId: r.key_id,
  json: r.data_json,
  sealed:
    r.sealed && r.encapsulated_key && r.key_id
      ? { id: r.id, formKey: r.form_key, keyId: r.key_id, encapsulatedKey: r.encapsulated_key, ciphertext: r.sealed }
      : null,
  place: r.waiting_list === null ? null : Number(r.waiting_list) === 1 ? 'liste d’attente' : 'place',
});

/** What a file given with --db holds, from its first bytes. */
function kindOf(file: string): 'sqlite' | 'sql' | 'autre' {
  const head = Buffer.alloc(64);
  const fd = openSync(file, 'r');
  let n: number;
  try {
    n = readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  const text = head.subarray(0, n).toString('latin1');
  if (n === 0 || text.startsWith('SQLite format 3\0')) return 'sqlite';
  return /^\s*(PRAGMA|CREATE|INSERT|BEGIN)\b/i.test(text) ? 'sql' : 'autre';
}

/** A D1 export loaded in memory; wrangler's d1_migrations says which migrations it has (SQLite counts them in user_version). */
function loadD1Export(file: string): DatabaseSync {
  const db = new DatabaseSync(':memory:');
  try {
    db.exec(readFileSync(file, 'utf8'));
    const applied = new Set((db.prepare('SELECT name FROM d1_migrations').all() as { name: string }[]).map((r) => r.name));
    let version = 0;
    while (version < MIGRATION_NAMES.length && applied.has(MIGRATION_NAMES[version]!)) version++;
    db.exec(`PRAGMA user_version = ${version}`);
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw new UserError(
      `${file} ressemble à un export SQL mais ne se lit pas comme un export D1 des envois (${(error as Error).message}) : ` +
        'refaire l’export avec npx wrangler d1 export fabrique-formulaires --remote --output FICHIER.sql, sans --no-schema.',
    );
  }
}

export class SubmissionsDb {
  private readonly db: DatabaseSync;
  /** Read from a D1 export: nothing written here would reach D1. */
  readonly fromD1Export: boolean;

  constructor(file: string) {
    if (!existsSync(file)) throw new Error(`Base introuvable : ${file}. Indiquez-la avec --db FICHIER.`);
    const kind = kindOf(file);
    if (kind === 'autre')
      throw new UserError(
        `${file} n’est ni une base SQLite des envois ni un export D1 (wrangler d1 export) : vérifier le fichier donné à --db (la base du serveur est DB_PATH, par défaut data/submissions.sqlite).`,
      );
    this.fromD1Export = kind === 'sql';
    // The server's own opening: same migrations and secure_delete, so a delete here leaves nothing behind.
    this.db = kind === 'sql' ? loadD1Export(file) : openDatabase(file);
  }

  list(formKey?: string): StoredRow[] {
    const rows = (formKey ? this.db.prepare(STAFF_SQL.listForm).all(formKey) : this.db.prepare(STAFF_SQL.list).all()) as Raw[];
    return rows.map(toRow);
  }

  get(id: string): StoredRow | undefined {
    const raw = this.db.prepare(STAFF_SQL.get).get(id) as Raw | undefined;
    return raw && toRow(raw);
  }

  /** Deletes submissions with their outbox rows and empties the WAL; `clean` false when a reader prevented it. */
  erase(ids: string[]): EraseResult {
    return eraseIn(this.db, ids);
  }

  /**
   * A consistent copy of the whole database in `file`, taken while the server keeps writing (VACUUM INTO
   * reads one snapshot; WAL lets the writer go on). Returns how many submissions it holds.
   */
  backup(file: string): number {
    this.db.prepare('VACUUM INTO ?').run(file);
    const copy = new DatabaseSync(file, { readOnly: true });
    try {
      return Number((copy.prepare('SELECT count(*) AS n FROM submissions').get() as { n: number }).n);
    } finally {
      copy.close();
    }
  }

  counters(): ServiceCounters {
    return countersIn(this.db);
  }

  close(): void {
    if (this.db.isOpen) this.db.close();
  }
}

/**
/**
 * The staff command's reads and erasures on a SQLite file (metadata, sealed blobs, clear JSON): the Node
 * server's database, or a copy of the Worker's D1 (d1-db.ts), whose migrations the opener reads from
 * d1_migrations. It also reads a D1 export given with --db (`wrangler d1 export`, a SQL text) as it is,
 * loaded in memory: reading only.
 */
import { DatabaseSync } from 'node:sqlite';
import { closeSync, existsSync, openSync, readFileSync, readSync } from 'node:fs';
import { purgeExpired } from '../retention.ts';
import { migrate } from '../store/sqlite-open.ts';
import { UserError } from './command.ts';
import type { SealedRow } from '../seal/open.ts';
import { countersIn, eraseIn, openDatabase, SqliteStore } from '../store/sqlite.ts';
import { STAFF_SQL } from '../store/sql.ts';
import type { EraseResult, ServiceCounters } from '../store/types.ts';
import type { StaffDb } from './staff-db.ts';

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

export type Raw = {
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

export const toRow = (r: Raw): StoredRow => ({
  id: r.id,
  formKey: r.form_key,
  receivedAt: r.received_at,
  deleteAfter: r.delete_after,
  keyId: r.key_id,
  json: r.data_json,
  sealed:
    r.sealed && r.encapsulated_key && r.key_id
      ? {
          id: r.id,
          formKey: r.form_key,
          keyId: r.key_id,
          encapsulatedKey: new Uint8Array(r.encapsulated_key),
          ciphertext: new Uint8Array(r.sealed),
        }
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

/** A D1 export loaded in memory; migrate() reads from wrangler's d1_migrations which migrations it has. */
function loadD1Export(file: string): DatabaseSync {
  const db = new DatabaseSync(':memory:');
  try {
    db.exec(readFileSync(file, 'utf8'));
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

export class SubmissionsDb implements StaffDb {
  private readonly db: DatabaseSync;
  /** Read from a D1 export: nothing written here would reach D1. */
  readonly fromD1Export: boolean;
  readonly label: string;
  private readonly file: string;

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
    this.file = file;
    this.label = file;
  }

  async list(formKey?: string): Promise<StoredRow[]> {
    const rows = (formKey ? this.db.prepare(STAFF_SQL.listForm).all(formKey) : this.db.prepare(STAFF_SQL.list).all()) as Raw[];
    return rows.map(toRow);
  }

  async get(id: string): Promise<StoredRow | undefined> {
    const raw = this.db.prepare(STAFF_SQL.get).get(id) as Raw | undefined;
    return raw && toRow(raw);
  }

  /** Deletes submissions with their outbox rows and empties the WAL; `clean` false when a reader prevented it. */
  async erase(ids: string[]): Promise<EraseResult> {
    return eraseIn(this.db, ids);
  }

  /**
   * A consistent copy of the whole database in `file`, taken while the server keeps writing (VACUUM INTO
   * reads one snapshot; WAL lets the writer go on). Returns how many submissions it holds.
   */
  async backup(file: string): Promise<{ count: number; restore: string }> {
    this.db.prepare('VACUUM INTO ?').run(file);
    const copy = new DatabaseSync(file, { readOnly: true });
    try {
      return {
        count: Number((copy.prepare('SELECT count(*) AS n FROM submissions').get() as { n: number }).n),
        restore: 'Restaurer : arrêter le serveur, copier ce fichier à la place de la base (DB_PATH), redémarrer.',
      };
    } finally {
      copy.close();
    }
  }

  async purge(now: Date, audit: (ids: string[]) => void) {
    const store = new SqliteStore(this.file);
    try {
      return await purgeExpired(store, now, audit);
    } finally {
      await store.close();
    }
  }

  async counters(): Promise<ServiceCounters> {
    return countersIn(this.db);
  }

  async close(): Promise<void> {
    if (this.db.isOpen) this.db.close();
  }
}

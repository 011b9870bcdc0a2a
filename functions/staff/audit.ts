/**
 * The audit log of staff reading and of erasures: one JSON line per opening, export, delete or purge
 * (the server's own purges too, user "serveur"), written before the action, appended, never
 * rewritten. It says when, who (the computer account), what action, which submission ids and which
 * key ids; never a submitted value, so the log itself needs no sealing. Rotated by Debian's logrotate
 * (functions/EXPLOITATION.md, « Le journal d’audit ») into audit.log.1, audit.log.2.gz…: every append opens the
 * file by its name, so the next line after a rotation starts a new audit.log (0600, the writer's own).
 */
import { appendFileSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';

/** lecture: a clear submission shown; dechiffrement: a sealed one opened. */
export type AuditAction = 'lecture' | 'dechiffrement' | 'export' | 'suppression' | 'purge' | 'sauvegarde';

export type AuditEntry = {
  /** ISO 8601, UTC. */
  at: string;
  action: AuditAction;
  /** Account on the staff computer that ran the command. */
  user: string;
  ids: string[];
  keyIds: string[];
  form?: string;
  format?: 'csv' | 'json';
};

export function appendAudit(file: string, entry: AuditEntry): void {
  // Mode 0600 at creation: the ids say who asked for help, even without content.
  appendFileSync(file, `${JSON.stringify(entry)}\n`, { mode: 0o600 });
}

/**
 * What logrotate names a rotated journal: audit.log.1, audit.log.2.gz, or with `dateext` audit.log-20270115(.gz).
 * Anything else beside it (audit.log.avant-restauration, a backup's FICHIER.audit.log) is not one.
 */
function rotation(base: string, name: string): { n: number; date: string } | undefined {
  if (!name.startsWith(base)) return undefined;
  const m = /^(?:\.(\d+)|-(\d{8,10}))(?:\.gz)?$/.exec(name.slice(base.length));
  return m ? { n: m[1] ? Number(m[1]) : 0, date: m[2] ?? '' } : undefined;
}

/**
 * The journal and the rotated ones beside it, oldest first, the journal in service last (listed even when
 * absent: logrotate's `nocreate` leaves none until the next line). Erasures logged before a rotation still count.
 */
export function auditJournals(file: string): string[] {
  const dir = path.dirname(path.resolve(file));
  const base = path.basename(file);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    names = [];
  }
  const rotated = names
    .map((name) => ({ name, r: rotation(base, name) }))
    .filter((x): x is { name: string; r: { n: number; date: string } } => !!x.r)
    // Dated names sort by date; numbered ones, the higher the older.
    .sort((a, b) => (a.r.date && b.r.date ? a.r.date.localeCompare(b.r.date) : a.r.date ? -1 : b.r.date ? 1 : b.r.n - a.r.n))
    .map((x) => path.join(path.dirname(file), x.name));
  return [...rotated, file];
}

/** One journal's text, gunzipped when logrotate compressed it. */
export function readAuditJournal(file: string): string {
  const bytes = readFileSync(file);
  return (file.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
}

/**
 * The audit log of staff reading and of erasures: one JSON line per opening, export, delete or purge
 * (the server's own purges too, user "serveur"), written before the action, appended, never
 * rewritten. It says when, who (the computer account), what action, which submission ids and which
 * key ids; never a submitted value, so the log itself needs no sealing.
 */
import { appendFileSync } from 'node:fs';

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

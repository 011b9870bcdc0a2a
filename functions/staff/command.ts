/** What every staff subcommand shares: its context, its result, opening a row, and the audit line first. */
import { forms, isFormKey } from '../../src/schemas/forms/index.ts';
import { openValues, WrongKeyError, type TeamPrivateKey } from '../seal/open.ts';
import { appendAudit, type AuditEntry } from './audit.ts';
import type { StaffDb } from './staff-db.ts';
import type { StoredRow } from './submissions-db.ts';

export type Values = Record<string, string | string[]>;
export type CommandResult = { code: number; out: string; err: string };
export type CommandEnv = {
  now: Date;
  user: string;
  env: Record<string, string | undefined>;
  /** The account's numeric id (process.getuid()): the audit log must stay the service's (submissions-cli.ts). */
  uid?: number;
};

export type StaffContext = {
  db: StaffDb;
  keys: TeamPrivateKey[];
  id?: string;
  opts: { form?: string; format?: string; out?: string; journal?: string; ancienneBase?: string };
  now: Date;
  /** Writes the audit line; throws a UserError when it cannot, so the action that follows never happens. */
  audit: (entry: Omit<AuditEntry, 'at' | 'user'>) => void;
  /** The audit log's file (a backup carries a copy of it). */
  auditFile?: string;
};

/** A mistake the staff member can fix: said in French, exit code 1, nothing done. */
export class UserError extends Error {}

// Field names and labels do not depend on the site's content, only choices do.
export const NO_CONTENT = { formations: [], activites: [], quartiers: [], lieux: {}, today: '' };

export const ok = (out: string, err = ''): CommandResult => ({ code: 0, out, err });
export const flat = (v: string | string[] | undefined) => (Array.isArray(v) ? v.join(', ') : (v ?? ''));
export const fieldsOfForm = (formKey: string) => (isFormKey(formKey) ? forms[formKey].fields(NO_CONTENT, undefined) : []);

export function auditTo(file: string, now: Date, user: string) {
  return (entry: Omit<AuditEntry, 'at' | 'user'>) => {
    try {
      appendAudit(file, { at: now.toISOString(), user, ...entry });
    } catch (error) {
      throw new UserError(
        `Le journal d’audit ${file} ne peut pas être écrit (${(error as NodeJS.ErrnoException).code ?? (error as Error).name}) : rien n’a été fait. Vérifiez le dossier et ses droits, ou indiquez un autre journal avec --audit.`,
      );
    }
  };
}

export const notFound = (id: string): CommandResult => ({
  code: 1,
  out: '',
  err: `Aucun envoi ${id} (déjà effacé, ou identifiant mal recopié).\n`,
});

/** Opens a row with whichever of the given keys it was sealed to; clear rows need no key. */
export async function valuesOf(row: StoredRow, keys: TeamPrivateKey[]): Promise<Values> {
  if (row.json !== null) return JSON.parse(row.json) as Values;
  const key = keys.find((k) => k.id === row.keyId);
  if (!key) {
    throw new UserError(
      `L’envoi ${row.id} est scellé pour la clé « ${row.keyId} »${keys.length ? ` ; la clé donnée est « ${keys.map((k) => k.id).join(', ')} »` : ''}. ` +
        'Indiquez le fichier de cette clé avec --key. Rien n’a été affiché.',
    );
  }
  try {
    return await openValues(key, row.sealed!);
  } catch (error) {
    if (!(error instanceof WrongKeyError)) throw error;
    throw new UserError(
      `La clé « ${key.id} » n’ouvre pas l’envoi ${row.id} : ce fichier de clé ne correspond pas, ou l’envoi a été modifié. Rien n’a été affiché.`,
    );
  }
}

/** Said when an erasure could not empty the WAL: the rows are gone from the tables, not yet from the files. */
export const UNFINISHED_ERASURE =
  'Attention : un autre programme lit la base en ce moment (le serveur, une sauvegarde…), et les octets effacés restent dans son journal (fichier -wal) tant qu’il la lit. ' +
  'Relancez « npm run submissions -- purge » dans quelques minutes : il finit l’effacement.';

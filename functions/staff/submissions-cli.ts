/**
 * Staff command: reads, exports and deletes submissions on the staff computer, opening sealed ones
 * with the team's private key file. The server never sees that key.
 *   npm run submissions -- list [--form CLE]
 *   npm run submissions -- show ID --key FICHIER
 *   npm run submissions -- export --form CLE --format csv|json --key FICHIER [--out FICHIER]
 *   npm run submissions -- delete ID
 *   npm run submissions -- purge   (what the server does every 6 hours, on demand)
 * Options: --db (default data/submissions.sqlite, or DB_PATH), --audit (default audit.log beside the
 * database, or AUDIT_LOG); --key may be given several times (after a key change).
 */
import { writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { forms, isFormKey } from '../../src/schemas/forms/index.ts';
import { hasOptions, type Field } from '../../src/schemas/forms/field.ts';
import { toCsv } from '../export/csv.ts';
import { openValues, WrongKeyError, type TeamPrivateKey } from '../seal/open.ts';
import { appendAudit, type AuditEntry } from './audit.ts';
import { KeyFileError, readKeyFile } from './key-file.ts';
import { SubmissionsDb, type StoredRow } from './submissions-db.ts';

type Values = Record<string, string | string[]>;
export type CommandResult = { code: number; out: string; err: string };
export type CommandEnv = { now: Date; user: string; env: Record<string, string | undefined> };

const USAGE = `Usage :
  npm run submissions -- list [--form CLE]
  npm run submissions -- show ID --key FICHIER
  npm run submissions -- export --form CLE --format csv|json --key FICHIER [--out FICHIER]
  npm run submissions -- delete ID
  npm run submissions -- purge        (efface les envois arrivés en fin de conservation)
Options : --db FICHIER (base des envois), --audit FICHIER (journal), --key plusieurs fois après un changement de clé.
`;

// Field names and labels do not depend on the site's content, only choices do.
const NO_CONTENT = { formations: [], activites: [], quartiers: [], lieux: {}, today: '' };

class UserError extends Error {}

/** Opens a row with whichever of the given keys it was sealed to; clear rows need no key. */
async function valuesOf(row: StoredRow, keys: TeamPrivateKey[]): Promise<Values> {
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

const flat = (v: string | string[] | undefined) => (Array.isArray(v) ? v.join(', ') : (v ?? ''));

export async function submissionsCommand(argv: string[], context: CommandEnv): Promise<CommandResult> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        db: { type: 'string' },
        audit: { type: 'string' },
        key: { type: 'string', multiple: true },
        form: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
      },
    });
  } catch (error) {
    return { code: 2, out: '', err: `${(error as Error).message}\n${USAGE}` };
  }
  const { positionals, values: opts } = parsed;
  const [action, id] = positionals;
  const dbFile = opts.db ?? context.env.DB_PATH ?? 'data/submissions.sqlite';
  const auditFile = opts.audit ?? context.env.AUDIT_LOG ?? path.join(path.dirname(dbFile), 'audit.log');
  const audit = (entry: Omit<AuditEntry, 'at' | 'user'>) =>
    appendAudit(auditFile, { at: context.now.toISOString(), user: context.user, ...entry });

  if (!action || !['list', 'show', 'export', 'delete', 'purge'].includes(action)) return { code: 2, out: '', err: USAGE };
  if ((action === 'show' || action === 'delete') && !id)
    return { code: 2, out: '', err: `Indiquez l’identifiant de l’envoi.\n${USAGE}` };
  if (opts.form && !isFormKey(opts.form)) {
    return { code: 2, out: '', err: `Formulaire inconnu « ${opts.form} ». Formulaires : ${Object.keys(forms).join(', ')}\n` };
  }

  let db: SubmissionsDb | undefined;
  try {
    const keys = await Promise.all((opts.key ?? []).map(readKeyFile));
    db = new SubmissionsDb(dbFile);

    if (action === 'list') {
      const rows = db.list(opts.form);
      const lines = rows.map(
        (r) =>
          `${r.id}  ${r.formKey}  reçu ${r.receivedAt.slice(0, 16).replace('T', ' ')}  effacé après ${r.deleteAfter.slice(0, 10)}  ${r.keyId ? `scellé (${r.keyId})` : 'en clair'}`,
      );
      return { code: 0, out: `${rows.length} envoi(s)\n${lines.map((l) => `${l}\n`).join('')}`, err: '' };
    }

    if (action === 'show') {
      const row = db.get(id!);
      if (!row) return { code: 1, out: '', err: `Aucun envoi ${id} (déjà effacé, ou identifiant mal recopié).\n` };
      const values = await valuesOf(row, keys);
      if (row.keyId) audit({ action: 'dechiffrement', ids: [row.id], keyIds: [row.keyId], form: row.formKey });
      const fields = isFormKey(row.formKey) ? forms[row.formKey].fields(NO_CONTENT, undefined) : [];
      // Choices are shown by their label, as the person saw them; values from content (a training) stay ids.
      const shown = (f: Field, v: string | string[] | undefined) =>
        flat(hasOptions(f) ? [v ?? []].flat().map((x) => f.options.find((o) => o.value === x)?.label ?? x) : v);
      const known = fields.filter((f) => f.name in values).map((f) => `${f.label} : ${shown(f, values[f.name])}`);
      const others = Object.keys(values)
        .filter((k) => !fields.some((f) => f.name === k))
        .map((k) => `${k} : ${flat(values[k])}`);
      const head = `Envoi ${row.id} — formulaire ${row.formKey} — reçu le ${row.receivedAt} — effacé après le ${row.deleteAfter.slice(0, 10)}`;
      return { code: 0, out: [head, '', ...known, ...others, ''].join('\n'), err: '' };
    }

    if (action === 'export') {
      if (opts.format !== 'csv' && opts.format !== 'json')
        return { code: 2, out: '', err: 'Indiquez --format csv ou --format json.\n' };
      // CSV columns are one form's fields; JSON may hold every form.
      if (opts.format === 'csv' && !opts.form)
        return { code: 2, out: '', err: 'Export CSV : indiquez le formulaire avec --form.\n' };
      const rows = db.list(opts.form);
      // Every row is opened before anything is written: an export is whole or nothing.
      const opened = await Promise.all(rows.map(async (r) => ({ row: r, values: await valuesOf(r, keys) })));
      const keyIds = [...new Set(rows.flatMap((r) => (r.keyId ? [r.keyId] : [])))];
      let text: string;
      if (opts.format === 'csv') {
        const names = forms[opts.form as keyof typeof forms].fields(NO_CONTENT, undefined).map((f) => f.name);
        const records = opened.map(({ row, values }) => ({
          id: row.id,
          recu_le: row.receivedAt,
          ...Object.fromEntries(Object.entries(values).map(([k, v]) => [k, flat(v)])),
        }));
        text = toCsv(['id', 'recu_le', ...names], records);
      } else {
        text = `${JSON.stringify(
          opened.map(({ row, values }) => ({ id: row.id, formulaire: row.formKey, recu_le: row.receivedAt, valeurs: values })),
          null,
          2,
        )}\n`;
      }
      if (opts.out) writeFileSync(opts.out, text, { mode: 0o600, flag: 'wx' });
      audit({ action: 'export', ids: rows.map((r) => r.id), keyIds, form: opts.form, format: opts.format });
      return {
        code: 0,
        out: opts.out ? '' : text,
        err: `${rows.length} envoi(s) exporté(s)${opts.out ? ` dans ${opts.out}` : ''}.\n`,
      };
    }

    if (action === 'purge') {
      const ids = db.purgeExpired(context.now);
      if (ids.length) audit({ action: 'purge', ids, keyIds: [] });
      return { code: 0, out: `${ids.length} envoi(s) arrivé(s) en fin de conservation effacé(s).\n`, err: '' };
    }

    // delete: on a person's request, or an error. The outbox row goes with it (foreign key cascade).
    const row = db.get(id!);
    if (!row) return { code: 1, out: '', err: `Aucun envoi ${id} (déjà effacé, ou identifiant mal recopié).\n` };
    db.delete(row.id);
    audit({ action: 'suppression', ids: [row.id], keyIds: row.keyId ? [row.keyId] : [], form: row.formKey });
    return { code: 0, out: `Envoi ${row.id} effacé (formulaire ${row.formKey}).\n`, err: '' };
  } catch (error) {
    if (error instanceof UserError || error instanceof KeyFileError) return { code: 1, out: '', err: `${error.message}\n` };
    if ((error as NodeJS.ErrnoException).code === 'EEXIST')
      return { code: 1, out: '', err: `Le fichier ${opts.out} existe déjà.\n` };
    if (error instanceof Error && /^Base introuvable/.test(error.message)) return { code: 1, out: '', err: `${error.message}\n` };
    throw error;
  } finally {
    db?.close();
  }
}

if (import.meta.main) {
  const { code, out, err } = await submissionsCommand(process.argv.slice(2), {
    now: new Date(),
    user: userInfo().username,
    env: process.env,
  });
  process.stdout.write(out);
  process.stderr.write(err);
  process.exitCode = code;
}

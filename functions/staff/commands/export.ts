/** export --form CLE --format csv|json --key FICHIER [--out FICHIER]: whole or nothing, audited before anything is written. */
import { writeFileSync } from 'node:fs';
import { toCsv } from '../../export/csv.ts';
import { fieldsOfForm, flat, valuesOf, type CommandResult, type StaffContext } from '../command.ts';

export async function exportRows({ db, keys, opts, audit }: StaffContext): Promise<CommandResult> {
  if (opts.format !== 'csv' && opts.format !== 'json')
    return { code: 2, out: '', err: 'Indiquez --format csv ou --format json.\n' };
  // CSV columns are one form's fields; JSON may hold every form.
  if (opts.format === 'csv' && !opts.form) return { code: 2, out: '', err: 'Export CSV : indiquez le formulaire avec --form.\n' };
  const rows = await db.list(opts.form);
  const keyIds = [...new Set(rows.flatMap((r) => (r.keyId ? [r.keyId] : [])))];
  // Every row is opened in memory before anything is written: an export is whole or nothing. Then the
  // audit line, then the file or the output: a failed append leaves no unaudited export.
  const opened = await Promise.all(rows.map(async (r) => ({ row: r, values: await valuesOf(r, keys) })));
  audit({ action: 'export', ids: rows.map((r) => r.id), keyIds, form: opts.form, format: opts.format });
  let text: string;
  if (opts.format === 'csv') {
    const names = fieldsOfForm(opts.form!).map((f) => f.name);
    // A form that counts places says, for each sign-up, whether it has one or is on the waiting list.
    const places = opened.some(({ row }) => row.place) ? ['place'] : [];
    const records = opened.map(({ row, values }) => ({
      id: row.id,
      recu_le: row.receivedAt,
      ...(row.place ? { place: row.place } : {}),
      ...Object.fromEntries(Object.entries(values).map(([k, v]) => [k, flat(v)])),
    }));
    text = toCsv(['id', 'recu_le', ...places, ...names], records);
  } else {
    text = `${JSON.stringify(
      opened.map(({ row, values }) => ({
        id: row.id,
        formulaire: row.formKey,
        recu_le: row.receivedAt,
        ...(row.place ? { place: row.place } : {}),
        valeurs: values,
      })),
      null,
      2,
    )}\n`;
  }
  if (opts.out) writeFileSync(opts.out, text, { mode: 0o600, flag: 'wx' });
  return {
    code: 0,
    out: opts.out ? '' : text,
    err: `${rows.length} envoi(s) exporté(s)${opts.out ? ` dans ${opts.out}` : ''}.\n`,
  };
}

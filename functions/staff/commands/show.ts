/** show ID --key FICHIER: one submission, labels in French. Every opening is audited, sealed or not, before anything is shown. */
import { hasOptions, type Field } from '../../../src/schemas/forms/field.ts';
import { fieldsOfForm, flat, notFound, ok, valuesOf, type StaffContext } from '../command.ts';

export async function show({ db, id, keys, audit }: StaffContext) {
  const row = await db.get(id!);
  if (!row) return notFound(id!);
  // Opened in memory first (a wrong key shows nothing and logs nothing), audited, then shown.
  const values = await valuesOf(row, keys);
  audit({
    action: row.keyId ? 'dechiffrement' : 'lecture',
    ids: [row.id],
    keyIds: row.keyId ? [row.keyId] : [],
    form: row.formKey,
  });
  const fields = fieldsOfForm(row.formKey);
  // Choices are shown by their label, as the person saw them; values from content (a training) stay ids.
  const shown = (f: Field, v: string | string[] | undefined) =>
    flat(hasOptions(f) ? [v ?? []].flat().map((x) => f.options.find((o) => o.value === x)?.label ?? x) : v);
  const known = fields.filter((f) => f.name in values).map((f) => `${f.label} : ${shown(f, values[f.name])}`);
  const others = Object.keys(values)
    .filter((k) => !fields.some((f) => f.name === k))
    .map((k) => `${k} : ${flat(values[k])}`);
  const head = `Envoi ${row.id} — formulaire ${row.formKey} — reçu le ${row.receivedAt} — effacé après le ${row.deleteAfter.slice(0, 10)}`;
  return ok([head, '', ...known, ...others, ''].join('\n'));
}

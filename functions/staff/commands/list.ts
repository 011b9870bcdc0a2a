/** list [--form CLE]: metadata only, no key needed, nothing audited (no content is shown). */
import { ok, type StaffContext } from '../command.ts';

export async function list({ db, opts }: StaffContext) {
  const rows = await db.list(opts.form);
  const lines = rows.map(
    (r) =>
      `${r.id}  ${r.formKey}  reçu ${r.receivedAt.slice(0, 16).replace('T', ' ')}  effacé après ${r.deleteAfter.slice(0, 10)}  ${r.keyId ? `scellé (${r.keyId})` : 'en clair'}${r.place ? `  ${r.place}` : ''}`,
  );
  return ok(`${rows.length} envoi(s)\n${lines.map((l) => `${l}\n`).join('')}`);
}

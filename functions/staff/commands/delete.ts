/**
 * delete ID: on a person's request, or an error. Audited first; the outbox rows go with the submission;
 * the WAL is emptied, and when a reader prevents it the command says so and fails (exit code 1).
 */
import { notFound, UNFINISHED_ERASURE, type CommandResult, type StaffContext } from '../command.ts';

export async function deleteOne({ db, id, audit }: StaffContext): Promise<CommandResult> {
  const row = await db.get(id!);
  if (!row) return notFound(id!);
  audit({ action: 'suppression', ids: [row.id], keyIds: row.keyId ? [row.keyId] : [], form: row.formKey });
  const { clean } = await db.erase([row.id]);
  const done = `Envoi ${row.id} effacé de la base (formulaire ${row.formKey}).\n`;
  return clean ? { code: 0, out: done, err: '' } : { code: 1, out: done, err: `${UNFINISHED_ERASURE}\n` };
}

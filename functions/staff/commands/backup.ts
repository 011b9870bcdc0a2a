/**
 * sauvegarde: a copy of the database while the server runs, for the operator's backups. It holds the
 * sealed submissions as they are (only the team key opens them) and the clear ones: keep it as
 * carefully as the database. Audited like every reading of the base.
 */
import { chmodSync, existsSync } from 'node:fs';
import { ok, UserError, type CommandResult, type StaffContext } from '../command.ts';

export async function backup({ db, opts, audit }: StaffContext): Promise<CommandResult> {
  const out = opts.out;
  if (!out) throw new UserError('Indiquez le fichier de la sauvegarde avec --out FICHIER (un fichier qui n’existe pas encore).');
  if (existsSync(out)) throw new UserError(`Le fichier ${out} existe déjà : la sauvegarde ne remplace jamais un fichier.`);
  audit({ action: 'sauvegarde', ids: [], keyIds: [] });
  const { count, restore } = await db.backup(out);
  chmodSync(out, 0o600);
  return ok(
    `Sauvegarde écrite : ${out} (${count} envoi(s)). Lisible par vous seul ; à ranger chiffrée, comme la base.\n` +
      `${restore}\n`,
  );
}

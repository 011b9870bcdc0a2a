/**
 * sauvegarde: a copy of the database while the server runs, for the operator's backups. It holds the
 * sealed submissions as they are (only the team key opens them) and the clear ones: keep it as
 * carefully as the database. Audited like every reading of the base, once the copy is written: a backup
 * that failed leaves no audit line (and a copy whose audit line cannot be written is removed).
 */
import { chmodSync, existsSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { ok, UserError, type CommandResult, type StaffContext } from '../command.ts';

export async function backup({ db, opts, audit }: StaffContext): Promise<CommandResult> {
  const out = opts.out;
  if (!out) throw new UserError('Indiquez le fichier de la sauvegarde avec --out FICHIER (un fichier qui n’existe pas encore).');
  if (existsSync(out)) throw new UserError(`Le fichier ${out} existe déjà : la sauvegarde ne remplace jamais un fichier.`);
  const folder = path.dirname(path.resolve(out));
  if (!statSync(folder, { throwIfNoEntry: false })?.isDirectory())
    throw new UserError(
      `Le dossier ${folder} n’existe pas : le créer (install -d -m 700 -o fabrique ${folder}) ou choisir un autre --out. Rien n’a été écrit.`,
    );
  let count: number;
  let restore: string;
  try {
    ({ count, restore } = await db.backup(out));
    chmodSync(out, 0o600);
  } catch (error) {
    rmSync(out, { force: true });
    throw new UserError(
      `La sauvegarde n’a pas pu être écrite dans ${out} (${(error as { errstr?: string }).errstr ?? (error as Error).message}) : vérifier la place libre et les droits du dossier (la commande tourne sous l’utilisateur du service). Rien n’a été écrit.`,
    );
  }
  try {
    audit({ action: 'sauvegarde', ids: [], keyIds: [] });
  } catch (error) {
    rmSync(out, { force: true });
    throw error;
  }
  return ok(
    `Sauvegarde écrite : ${out} (${count} envoi(s)). Lisible par vous seul ; à ranger chiffrée, comme la base.\n` +
      `${restore}\n`,
  );
}

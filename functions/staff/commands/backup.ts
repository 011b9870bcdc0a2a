/**
 * sauvegarde: a copy of the database while the server runs, for the operator's backups. It holds the
 * sealed submissions as they are (only the team key opens them) and the clear ones: keep it as
 * carefully as the database. Audited like every reading of the base, once the copy is written: a backup
 * that failed leaves no audit line (and a copy whose audit line cannot be written is removed). The audit log
 * is copied beside it (FICHIER.audit.log, and FICHIER.audit.log.1, .2.gz… for those logrotate archived), so that a
 * restore brings back who did what, up to the backup.
 */
import { chmodSync, copyFileSync, constants, existsSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { auditJournals } from '../audit.ts';
import { ok, UserError, type CommandResult, type StaffContext } from '../command.ts';

export async function backup({ db, opts, audit, auditFile }: StaffContext): Promise<CommandResult> {
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
  // The audit trail goes with the backup (its own line included): who read, exported or erased what, and when.
  const trail = auditCopies(auditFile, out);
  return ok(
    `Sauvegarde écrite : ${out} (${count} envoi(s)). Lisible par vous seul ; à ranger chiffrée, comme la base.\n` +
      (trail.length
        ? `Journal d’audit copié à côté : ${trail.at(-1)}${trail.length > 1 ? ` (et ${trail.length - 1} journal(aux) archivé(s) : ${trail.slice(0, -1).join(', ')})` : ''}\n`
        : '') +
      `${restore}\n`,
  );
}

/**
 * Copies of the audit log and of those logrotate archived beside it (audit.log.1, audit.log.2.gz…), as
 * FICHIER.audit.log, FICHIER.audit.log.1, FICHIER.audit.log.2.gz…, 0600; the log in service last. None when
 * there is no log to copy.
 */
function auditCopies(auditFile: string | undefined, out: string): string[] {
  if (!auditFile) return [];
  const base = path.basename(auditFile);
  const copies: string[] = [];
  for (const journal of auditJournals(auditFile)) {
    if (!existsSync(journal)) continue;
    const copy = `${out}.audit.log${path.basename(journal).slice(base.length)}`;
    copyFileSync(journal, copy, constants.COPYFILE_EXCL);
    chmodSync(copy, 0o600);
    copies.push(copy);
  }
  return copies;
}

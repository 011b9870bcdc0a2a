/** purge: what the server does every 6 hours, on demand; same rules (retention.ts), same audit line first. */
import { UNFINISHED_ERASURE, type CommandResult, type StaffContext } from '../command.ts';

export async function purge({ db, now, audit }: StaffContext): Promise<CommandResult> {
  const report = await db.purge(now, (ids) => audit({ action: 'purge', ids, keyIds: [] }));
  const out = `${report.erased} envoi(s) arrivé(s) en fin de conservation effacé(s).\n`;
  return report.clean ? { code: 0, out, err: '' } : { code: 1, out, err: `${UNFINISHED_ERASURE}\n` };
}

/** purge: what the server does every 6 hours, on demand; same rules (retention.ts), same audit line first. */
import { purgeExpired } from '../../retention.ts';
import { SqliteStore } from '../../store/sqlite.ts';
import { UNFINISHED_ERASURE, type CommandResult, type StaffContext } from '../command.ts';

export async function purge({ dbFile, now, audit }: StaffContext): Promise<CommandResult> {
  const store = new SqliteStore(dbFile);
  try {
    const report = await purgeExpired(store, now, (ids) => audit({ action: 'purge', ids, keyIds: [] }));
    const out = `${report.erased} envoi(s) arrivé(s) en fin de conservation effacé(s).\n`;
    return report.clean ? { code: 0, out, err: '' } : { code: 1, out, err: `${UNFINISHED_ERASURE}\n` };
  } finally {
    await store.close();
  }
}

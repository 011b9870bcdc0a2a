/**
 * The retention purge, shared by the server's timer and the staff command: find what has expired, write
 * the audit line, then erase. The audit line comes first: if it cannot be written nothing is deleted,
 * so no deletion is ever unaudited.
 */
import type { SubmissionStore } from './store/types.ts';

export type PurgeReport = { ids: string[]; erased: number; clean: boolean };

export async function purgeExpired(
  store: SubmissionStore,
  now: Date,
  audit: (ids: string[]) => void | Promise<void>,
): Promise<PurgeReport> {
  const ids = await store.expiredIds(now);
  if (ids.length) await audit(ids);
  // Erasing nothing still empties the WAL, finishing an erasure a reader had held up.
  const { erased, clean } = await store.erase(ids);
  return { ids, erased, clean };
}

/**
 * How many people a training session has, from its sign-ups (issue 22, item 7): with a place, on the waiting
 * list, and already told that the session is cancelled (their sign-up cancelled with the whole session from
 * the inbox, functions/equipe/sessions.ts). Counts only: the editor's side reads them too (inscrits.ts).
 */
import type { InboxRequest } from '../store/equipe-types.ts';

/** The reason sessions.ts gives every sign-up it cancels with its session (a motif may follow). */
export const SESSION_CANCELLED = 'session annulée';

export type SessionCounts = {
  /** With a place, not cancelled. */
  inscrits: number;
  /** On the waiting list, not cancelled. */
  attente: number;
  /** Cancelled with the whole session, so told (by e-mail, or listed to be told otherwise). */
  prevenus: number;
  /** Of those, the ones without an e-mail address, to be told otherwise. */
  sansAdresse: number;
  /** When the last of them was cancelled (ISO time), if any. */
  prevenusLe?: string;
};

const hasEmail = (r: InboxRequest) => {
  try {
    return Boolean((JSON.parse(r.clearJson ?? '{}') as { email?: unknown }).email);
  } catch {
    return false;
  }
};

/** The counts of one session (`formation/session`) among these sign-ups. */
export function countSession(rows: InboxRequest[], key: string): SessionCounts {
  const own = rows.filter((r) => r.sessionKey === key);
  const told = own.filter((r) => r.cancelled && r.reason?.startsWith(SESSION_CANCELLED));
  return {
    inscrits: own.filter((r) => !r.cancelled && !r.waitingList).length,
    attente: own.filter((r) => !r.cancelled && r.waitingList).length,
    prevenus: told.length,
    sansAdresse: told.filter((r) => !r.sealed && !hasEmail(r)).length,
    prevenusLe:
      told
        .map((r) => r.updatedAt ?? '')
        .sort()
        .at(-1) || undefined,
  };
}

/** Browser, build and server (Node and Worker): Training sessions: upcoming first, past ones archived, and whether one can still sign up. */
import type { Formation, Session } from '../../schemas/formation.ts';

export type EtatSession = 'ouverte' | 'complete' | 'inscriptions-fermees' | 'annulee' | 'passee';

export function etatSession(s: Session, formation: Pick<Formation, 'inscriptions'>, today: string): EtatSession {
  if (s.date < today) return 'passee';
  if (s.annulee) return 'annulee';
  if (formation.inscriptions === 'fermees') return 'inscriptions-fermees';
  if (s.places_restantes === 0) return 'complete';
  return 'ouverte';
}

export const LIBELLE_ETAT: Record<EtatSession, string> = {
  ouverte: 'Inscriptions ouvertes',
  complete: 'Complet',
  'inscriptions-fermees': 'Inscriptions fermées',
  annulee: 'Annulée',
  passee: 'Session passée',
};

/** What the store counts a sign-up against: the training and the session (ids unique within a training). */
export const sessionKey = (formation: string, session: string) => `${formation}/${session}`;

/** Words for the places of a session, shared by the form, the sessions table and the live count (src/components/PlacesEnDirect/places-en-direct.ts). */
export const PLACES = {
  // Without JavaScript: never a number, it would go stale; the live count replaces it where JavaScript runs.
  limitees: 'places limitées',
  // With the site's no-break spaces: the live count (a browser script) writes them as the built pages have them.
  complet: 'complet\u00a0: inscription sur liste d’attente',
  /** Beside a « Complet » badge. */
  attente: 'inscription sur liste d’attente',
  restantes: (n: number) => (n === 1 ? '1\u00a0place restante' : `${n}\u00a0places restantes`),
} as const;

/**
 * Places left per session key, for the sessions that take sign-ups today (full ones: 0); `taken` is the
 * store's count. What GET /f/inscription-formation/places answers: no personal data.
 */
export function placesLeft(
  formations: { id: string; inscriptions: Formation['inscriptions']; sessions: Session[] }[],
  taken: Record<string, number>,
  today: string,
): Record<string, number> {
  const left: Record<string, number> = {};
  for (const f of formations)
    for (const s of f.sessions) {
      const etat = etatSession(s, f, today);
      if (etat !== 'ouverte' && etat !== 'complete') continue;
      const key = sessionKey(f.id, s.id);
      left[key] = Math.max(0, s.places_restantes - (taken[key] ?? 0));
    }
  return left;
}

export type SessionDatee<F> = { formation: F; session: Session };

/** Sessions from today on, soonest first, across all trainings. */
export function prochainesSessions<F extends { data: Pick<Formation, 'sessions'> }>(
  formations: F[],
  today: string,
  limit = Infinity,
): SessionDatee<F>[] {
  return formations
    .flatMap((formation) => formation.data.sessions.map((session) => ({ formation, session })))
    .filter(({ session }) => session.date >= today)
    .sort((a, b) => a.session.date.localeCompare(b.session.date) || a.session.creneau.localeCompare(b.session.creneau))
    .slice(0, limit);
}

/** Date of a training's next session from today on, or undefined when all are past. */
export function prochaineDate(formation: { data: Pick<Formation, 'sessions'> }, today: string): string | undefined {
  return formation.data.sessions
    .map((s) => s.date)
    .filter((d) => d >= today)
    .sort()[0];
}

/** A training is archived when all its sessions are past. Upcoming trainings are sorted by their next session. */
export function trierFormations<F extends { data: Pick<Formation, 'sessions'> }>(
  formations: F[],
  today: string,
): { aVenir: F[]; passees: F[] } {
  const next = (f: F) => prochaineDate(f, today);
  const last = (f: F) =>
    f.data.sessions
      .map((s) => s.date)
      .sort()
      .at(-1) ?? '';
  const aVenir = formations.filter((f) => next(f)).sort((a, b) => next(a)!.localeCompare(next(b)!));
  const passees = formations.filter((f) => !next(f)).sort((a, b) => last(b).localeCompare(last(a)));
  return { aVenir, passees };
}

/**
 * What a form needs to know about the rest of the site: trainings and their sessions, activities,
 * quartiers, and today's date in Rennes. Built from content/ at build time (pages) and at server
 * start (handlers), so both see the same sessions, places left and open or closed registrations.
 */
import type { Session } from '../formation.ts';

export type SessionChoice = Session;
export type FormationChoice = {
  id: string;
  titre: string;
  inscriptions: 'ouvertes' | 'fermees';
  sessions: SessionChoice[];
};
export type ActiviteChoice = {
  id: string;
  titre: string;
  inscriptions: 'ouvertes' | 'fermees';
  places?: number;
  ages: { min: number; max: number };
};
export type QuartierChoice = {
  id: string;
  nom: string;
  numero: number;
  /** true when no referent is in post there (content/referents/): no one would read a message. */
  sansReferent?: boolean;
};

export type FormContext = ContentContext & {
  /** Today in Rennes, AAAA-MM-JJ. */
  today: string;
};

/** The part of the context that comes from content/ and does not change with the date. */
export type ContentContext = {
  formations: FormationChoice[];
  activites: ActiviteChoice[];
  quartiers: QuartierChoice[];
  /** Names of places (content/lieux) by id, to say where a session happens. */
  lieux: Record<string, string>;
  /** Each programme's status (content/programmes), by id: a form for a proposal collects nothing. */
  programmes?: Record<string, string>;
};

/** A content entry as both Astro's getCollection and the content checker give it. */
export type ContentEntry = { collection: string; id: string; data: Record<string, unknown> };

export function buildContentContext(entries: ContentEntry[]): ContentContext {
  const of = (name: string) => entries.filter((e) => e.collection === name);
  const byTitle = <T extends { titre: string }>(a: T, b: T) => a.titre.localeCompare(b.titre, 'fr');
  return {
    formations: of('formations')
      .map(({ id, data }) => ({
        id,
        titre: String(data.titre),
        inscriptions: data.inscriptions as FormationChoice['inscriptions'],
        sessions: (data.sessions as SessionChoice[]).map((s) => ({ ...s, date: String(s.date) })),
      }))
      .sort(byTitle),
    activites: of('activites')
      .map(({ id, data }) => ({
        id,
        titre: String(data.titre),
        inscriptions: data.inscriptions as ActiviteChoice['inscriptions'],
        places: data.places as number | undefined,
        ages: data.ages as ActiviteChoice['ages'],
      }))
      .sort(byTitle),
    quartiers: of('quartiers')
      .map(({ id, data }) => ({
        id,
        nom: String(data.nom),
        numero: Number(data.numero),
        sansReferent: !of('referents').some((r) => r.data.quartier === id && r.data.statut === 'en-poste'),
      }))
      .sort((a, b) => a.numero - b.numero),
    lieux: Object.fromEntries(of('lieux').map(({ id, data }) => [id, String(data.nom)])),
    programmes: Object.fromEntries(of('programmes').map(({ id, data }) => [id, String(data.statut)])),
  };
}

/** Age in whole years on `today` for someone born on `birth` (both AAAA-MM-JJ). */
export function ageOn(birth: string, today: string): number {
  const [by, bm, bd] = birth.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

/** `today` moved by whole years (negative: in the past), AAAA-MM-JJ; 29 February becomes 28. */
export function yearsFrom(today: string, years: number): string {
  const [y, m, d] = today.split('-') as [string, string, string];
  const target = `${String(Number(y) + years).padStart(4, '0')}-${m}-${d}`;
  return m === '02' && d === '29' ? target.replace(/-29$/, '-28') : target;
}

/**
 * Build: What each page tells the search index: its kind, quartiers, audiences, step-free access, next session.
 * Pages pass a `Recherche` to the layout, which renders it as Pagefind filters and metadata inside <main>;
 * the search page builds its filter controls from the same labels, so both always agree.
 */
import { PUBLICS, type Formation } from '../../schemas/formation.ts';
import type { Constat } from '../../schemas/lieu.ts';
import { formatCreneau, formatDateLongue } from '../time/dates.ts';
import { prochainesSessions } from '../time/sessions.ts';

export const TYPES = {
  programme: 'Programme',
  referents: 'Quartier et référents',
  formation: 'Formation',
  activite: 'Loisir partagé',
  lieu: 'Lieu d’accueil',
  page: 'Page d’information',
} as const;
export type TypePage = keyof typeof TYPES;

/** Step-free entrance, as a filter value; only "oui" is offered as a filter, the others are shown. */
export const PLAIN_PIED: Record<Constat, string> = {
  oui: 'Entrée de plain-pied',
  non: 'Entrée avec marches',
  'non-verifie': 'Accès non vérifié',
};

/** Pagefind filter and metadata names, used by the pages and by src/components/Recherche/recherche.ts. */
export const FILTRE = { type: 'type', quartier: 'quartier', public: 'public', acces: 'acces' } as const;

export type Recherche = {
  type: TypePage;
  /** Quartier names (official spelling). */
  quartiers?: string[];
  /** Audiences of a training, as labels (PUBLICS). */
  publics?: string[];
  plainPied?: Constat;
  /** Next session of a training, in words: "jeudi 11 février 2027, Maison de quartier du Blosne". */
  prochaineSession?: string;
  /** Other names residents type (a quartier's `autres_noms`): indexed, never shown. */
  motsCles?: string[];
  /** Residents' words an editor chose to show (content/vocabulaire/): shown in the result as "Aussi appelé". */
  aussiAppele?: string[];
};

export type Attribut = { kind: 'filter' | 'meta'; name: string; value: string };

/** The filters and metadata for one page, in the order they are rendered. */
export function attributsRecherche(titre: string, r: Recherche): Attribut[] {
  const quartiers = [...new Set(r.quartiers ?? [])];
  const out: Attribut[] = [
    { kind: 'meta', name: 'title', value: titre },
    { kind: 'filter', name: FILTRE.type, value: TYPES[r.type] },
    { kind: 'meta', name: FILTRE.type, value: TYPES[r.type] },
    ...quartiers.map((q) => ({ kind: 'filter' as const, name: FILTRE.quartier, value: q })),
    ...(r.publics ?? []).map((p) => ({ kind: 'filter' as const, name: FILTRE.public, value: p })),
  ];
  if (quartiers.length > 0) out.push({ kind: 'meta', name: FILTRE.quartier, value: quartiers.join(', ') });
  if (r.plainPied) {
    out.push({ kind: 'filter', name: FILTRE.acces, value: PLAIN_PIED[r.plainPied] });
    out.push({ kind: 'meta', name: FILTRE.acces, value: PLAIN_PIED[r.plainPied] });
  }
  if (r.prochaineSession) out.push({ kind: 'meta', name: 'session', value: r.prochaineSession });
  if (r.aussiAppele?.length) out.push({ kind: 'meta', name: 'aussi', value: r.aussiAppele.join(', ') });
  return out;
}

// Builders for the pages whose search data comes from several collections.
type Entree<D> = { id: string; data: D };
type Lieux = Map<string, Entree<{ nom: string; quartier: string; accessibilite: { plain_pied: Constat } }>>;
type Quartiers = Map<string, Entree<{ nom: string }>>;

export function rechercheQuartier(q: { nom: string; autres_noms: string[] }): Recherche {
  return { type: 'referents', quartiers: [q.nom], motsCles: q.autres_noms };
}

export function rechercheLieu(
  lieu: { quartier: string; accessibilite: { plain_pied: Constat } },
  quartiers: Quartiers,
): Recherche {
  return { type: 'lieu', quartiers: noms([lieu.quartier], quartiers), plainPied: lieu.accessibilite.plain_pied };
}

/** An activity is searched by its quartier and by the access of the place where it happens. */
export function rechercheActivite(a: { quartier: string; lieu: string }, site: { lieu: Lieux; quartier: Quartiers }): Recherche {
  return {
    type: 'activite',
    quartiers: noms([a.quartier], site.quartier),
    plainPied: site.lieu.get(a.lieu)?.data.accessibilite.plain_pied,
  };
}

/** A training is found in every quartier where an upcoming session takes place. */
export function rechercheFormation(
  f: Pick<Formation, 'publics' | 'sessions'>,
  site: { lieu: Lieux; quartier: Quartiers },
  today: string,
): Recherche {
  const aVenir = prochainesSessions([{ data: f }], today).map(({ session }) => session);
  const lieux = aVenir.map((s) => site.lieu.get(s.lieu)?.data);
  const next = aVenir[0];
  return {
    type: 'formation',
    quartiers: noms(
      lieux.map((l) => l?.quartier ?? ''),
      site.quartier,
    ),
    publics: f.publics.map((p) => PUBLICS[p]),
    prochaineSession: next
      ? [formatDateLongue(next.date), formatCreneau(next.creneau), lieux[0]?.nom].filter(Boolean).join(', ')
      : 'pas de session à venir',
  };
}

const noms = (ids: string[], quartiers: Quartiers) =>
  ids.map((id) => quartiers.get(id)?.data.nom).filter((n): n is string => Boolean(n));

/** Build: Loads the collections once, sorted the way pages show them, with lookups by id. */
import { getCollection, type CollectionEntry } from 'astro:content';

export type Quartier = CollectionEntry<'quartiers'>;
export type Lieu = CollectionEntry<'lieux'>;
export type Referent = CollectionEntry<'referents'>;
export type Formation = CollectionEntry<'formations'>;
export type Activite = CollectionEntry<'activites'>;
export type Programme = CollectionEntry<'programmes'>;
export type Organisation = CollectionEntry<'organisations'>;

const byId = <T extends { id: string }>(items: T[]) => new Map(items.map((i) => [i.id, i]));

export async function loadSite() {
  const [quartiers, lieux, referents, formations, activites, programmes, organisations] = await Promise.all([
    getCollection('quartiers'),
    getCollection('lieux'),
    getCollection('referents'),
    getCollection('formations'),
    getCollection('activites'),
    getCollection('programmes'),
    getCollection('organisations'),
  ]);
  quartiers.sort((a, b) => a.data.numero - b.data.numero);
  programmes.sort((a, b) => a.data.ordre - b.data.ordre);
  lieux.sort((a, b) => a.data.nom.localeCompare(b.data.nom, 'fr'));
  activites.sort((a, b) => a.data.titre.localeCompare(b.data.titre, 'fr'));
  organisations.sort((a, b) => a.data.nom.localeCompare(b.data.nom, 'fr'));
  const quartierNumero = new Map(quartiers.map((q) => [q.id, q.data.numero]));
  referents.sort(
    (a, b) => (quartierNumero.get(a.data.quartier) ?? 0) - (quartierNumero.get(b.data.quartier) ?? 0) || a.id.localeCompare(b.id),
  );
  return {
    quartiers,
    lieux,
    referents,
    formations,
    activites,
    programmes,
    organisations,
    quartier: byId(quartiers),
    lieu: byId(lieux),
    organisation: byId(organisations),
    programme: byId(programmes),
  };
}

export type Site = Awaited<ReturnType<typeof loadSite>>;

/** Looks an id up in a map built from checked content: a miss is a bug, not an editor's mistake. */
export function must<T>(map: Map<string, T>, id: string): T {
  const value = map.get(id);
  if (!value) throw new Error(`référence introuvable : ${id}`);
  return value;
}

/** One page per training session (its thank-you and waiting-list pages): the static paths, with the training. */
export async function pagesParSession() {
  const site = await loadSite();
  return site.formations.flatMap((formation) =>
    formation.data.sessions.map((session) => ({ params: { id: formation.id, session: session.id }, props: { formation } })),
  );
}

/**
 * Build: Residents' words for one page (issue 11), gathered from the `vocabulaire` collection and, for a quartier page,
 * from the place names of the `quartiers-noms` collection. Used by the layout: indexed for the search, and
 * `aussiAppele` shown on the page.
 */
import { getCollection } from 'astro:content';

export type MotsDeLaPage = { aussiAppele: string[]; motsRecherches: string[] };

export async function motsDeLaPage(pathname: string): Promise<MotsDeLaPage> {
  const page = pathname.endsWith('/') ? pathname : `${pathname}/`;
  const [vocabulaire, noms] = await Promise.all([getCollection('vocabulaire'), getCollection('quartiers-noms')]);
  const mots = vocabulaire.filter((v) => v.data.page === page);
  const quartier = /^\/quartiers\/([a-z0-9-]+)\/$/.exec(page)?.[1];
  const lieux = quartier
    ? noms.flatMap((q) => q.data.noms.filter((n) => q.data.quartier === quartier || n.aussi.includes(quartier)).map((n) => n.nom))
    : [];
  return {
    aussiAppele: unique(mots.flatMap((v) => v.data.aussi_appele)),
    motsRecherches: unique([...mots.flatMap((v) => v.data.mots_recherches), ...lieux]),
  };
}

const unique = (xs: string[]) => [...new Set(xs)];

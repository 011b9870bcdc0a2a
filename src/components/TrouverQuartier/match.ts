/**
 * Browser (and its unit test, match.test.ts): how the quartier finder matches what a resident types against the
 * names of its A–Z list (issue 21). « métro Henri Fréville », « station Italie », « rue de Nantes », « près de
 * la Poterie », « à côté du Gros-Chêne » find the name; a typo per word is forgiven, with the search's own
 * distance (src/lib/search/query-words.ts), not a second one.
 */
import { distance, mots, normaliser } from '../../lib/search/query-words.ts';

/** "Saint-Hélier" → "saint helier", so that hyphens, apostrophes and accents never matter. */
export const cle = (t: string): string => mots(normaliser(t).replace(/['-]/g, ' ')).join(' ');

// Words people put before a place's name: « j’habite près de la station … », « à côté du métro … », « rue … ».
const AVANT = new Set(
  (
    'j je habite suis vis travaille pres a cote autour pas loin proche vers face en dans au aux chez ' +
    'de du des d la le les l ' +
    'metro station arret bus tram rue avenue av bd boulevard place allee square quai cite residence quartier'
  ).split(' '),
);

/** The query without the words before the name: « près de la station Henri Fréville » → "henri freville". */
export function sansAvant(q: string): string {
  const m = q.split(' ');
  let i = 0;
  while (i < m.length - 1 && AVANT.has(m[i]!)) i++;
  return m.slice(i).join(' ');
}

/** How far a typed word is from a name's word: 0 the word starts so, 1 one typo (two in a long word), else -1. */
function ecart(typed: string, word: string): number {
  if (word.startsWith(typed)) return 0;
  if (typed.length < 4) return -1;
  const max = typed.length < 8 ? 1 : 2;
  // The whole word, or its start when the word is still being typed.
  const d = Math.min(distance(typed, word, max), distance(typed, word.slice(0, typed.length), max));
  return d <= max ? 1 : -1;
}

/**
 * 0: the name starts with the query; 1: each word of the query starts a word of the name; 2: the same with a
 * typo; -1: no match. `q` and `nom` are keys (cle()).
 */
function rangDe(nom: string, q: string): number {
  if (!q) return -1;
  if (nom.startsWith(q)) return 0;
  const mn = nom.split(' ');
  let pire = 1;
  for (const t of q.split(' ')) {
    const best = Math.min(...mn.map((w) => ecart(t, w)).map((e) => (e < 0 ? 9 : e)));
    if (best === 9) return -1;
    if (best === 1) pire = 2;
  }
  return pire;
}

/** The rank of a name for a query, as typed or without the words before the name, whichever is better. */
export function rang(nom: string, q: string): number {
  const tel = rangDe(nom, q);
  const court = sansAvant(q);
  const sans = court === q ? -1 : rangDe(nom, court);
  if (tel < 0) return sans;
  return sans < 0 ? tel : Math.min(tel, sans);
}

/**
 * The names matching a typed query, best first: by rank, then the name with fewer words beyond the query's
 * (« pontchailou » is « Pontchaillou » before « halte Rennes-Pontchaillou »), then the list's A–Z order;
 * [] under two letters.
 */
export function chercher<T extends { cle: string }>(lignes: T[], saisie: string): T[] {
  const q = cle(saisie);
  if (q.length < 2) return [];
  const mots = (t: string) => t.split(' ').length;
  return lignes
    .map((l, i) => ({ l, i, r: rang(l.cle, q), extra: mots(l.cle) }))
    .filter((x) => x.r >= 0)
    .sort((a, b) => a.r - b.r || a.extra - b.extra || a.i - b.i)
    .map((x) => x.l);
}

/**
 * Browser and build: Pure helpers for what residents type (issue 11), shared by the search and quartier-finder scripts (browser) and the index's word lists (build):
 * normalising, dropping the little words of a question, spotting danger, and correcting a misspelt word
 * from the index's own words (src/lib/search/index-words.ts writes them at build time).
 */

/** Lower case, no accents, curly apostrophes as straight ones: "Référent’s" → "referent's". */
export function normaliser(texte: string): string {
  return texte.toLocaleLowerCase('fr').normalize('NFD').replace(/\p{M}/gu, '').replace(/[’‘]/g, "'");
}

/**
 * Which list of the index's words (pagefind/mots/, src/lib/search/index-words.ts) may hold a word, by its first letter:
 * `r` for French (the lists of the French site, as they were), `<lang>/<code point>` for another language (`ar/627`),
 * whatever its script. Undefined when the word starts with no letter.
 */
export function lettreDuDictionnaire(mot: string, lang: string): string | undefined {
  const l = [...mot][0];
  if (!l || !/\p{L}/u.test(l)) return undefined;
  if (lang === 'fr') return /[a-z]/.test(l) ? l : undefined;
  return `${lang}/${l.codePointAt(0)!.toString(16)}`;
}

/**
 * Arabic script as Pagefind needs it, the same at index time (src/lib/search/build-index.ts) and query time
 * (src/components/Recherche/recherche.ts). Short vowels (harakat) and the tatweel are left out in Arabic and Dari
 * (the index has none). Dari (fa-AF) has no stemmer in Pagefind, so nothing makes its Arabic-keyboard letters its own:
 * Arabic yeh and alef maqsura become Persian yeh (ي ى → ی), Arabic kaf Persian kaf (ك → ک), as a Persian keyboard
 * writes them. Arabic needs no more: Pagefind's Arabic stemmer already makes أ إ آ into ا, ة into ه and ى into ي.
 */
export function ecriture(texte: string, lang: string): string {
  const l = lang.toLowerCase();
  if (l !== 'ar' && !l.startsWith('fa')) return texte;
  const sansVoyelles = texte.replace(/[\u064B-\u065F\u0670\u0640]/g, '');
  return l === 'ar' ? sansVoyelles : sansVoyelles.replace(/[\u064A\u0649]/g, '\u06CC').replace(/\u0643/g, '\u06A9');
}

// Ukrainian endings, longest first: Pagefind has no Ukrainian stemmer, but it finds the words that start with the
// ones typed, so a word without its ending finds every form ("притулок" → "притул": "притулку", "притулок").
const ENDINGS_UK = 'ами ями ого ому ими іми ах ях ам ям ом ем ий ій ої ою ею их іх ок а я і и у ю о е ь є ї'.split(' ');

/**
 * A query word cut to its stem where Pagefind has no stemmer for the page's language and matches word starts
 * (Ukrainian): the word's ending is left out when at least four letters remain. Other languages: the word as typed.
 */
export function racine(mot: string, lang: string): string {
  if (lang !== 'uk' || /\d/.test(mot)) return mot;
  const fin = ENDINGS_UK.find((e) => mot.toLowerCase().endsWith(e) && [...mot].length - e.length >= 4);
  return fin ? mot.slice(0, mot.length - fin.length) : mot;
}

/** Words of a query, split on spaces and punctuation; "l’école" gives "l" and "école". */
export function mots(texte: string): string[] {
  return texte.split(/[^\p{L}\p{M}\p{N}-]+/u).filter(Boolean);
}

// Little words of questions typed as sentences ("mon enfant est autiste, qui peut m’aider ?"), as written in an SMS
// too ("jai", "cest"), and the filler of a question: "je cherche", "où aller", "près de chez moi", "à Rennes" (every page is).
const MOTS_VIDES = new Set(
  (
    'a ai aller as au aux avec c ca ce ces cest cet cette chercher cherche chez chui comment d dans de des dois du elle elles en ' +
    'es est et etre fait faire faut il ils j jai je jsuis jveux l la le les leur leurs lui m ma me mes moi mon n ne nos notre ' +
    'nous on ont ou par pas peut peux plus pour pres qu que quel quelle qui quoi rennes s sa se ses si son sont stp suis sur svp ' +
    't ta te tes toi ton trouver tu un une veux veut vos votre vous y'
  ).split(' '),
);

/** "39 19" → "3919": a number typed in groups of digits, as phone numbers are written in France. */
export function joindreChiffres(texte: string): string {
  return texte.replace(/(?<![\p{L}\p{N}])\d{1,2}(?:\s+\d{1,2})+(?![\p{L}\p{N}])/gu, (m) => m.replace(/\s+/g, ''));
}

/** The query without its little words, or "" when nothing else is left. */
export function sansMotsVides(texte: string): string {
  return mots(texte)
    .filter((m) => !MOTS_VIDES.has(normaliser(m)))
    .join(' ');
}

// Word starts that say someone may be in danger or without shelter: the urgent ways are offered first.
const DANGER =
  /\b(violen|danger|suicid|mourir|tuer|frapp|coups?\b|battu|viol\b|viole|menac|peur|harcel|agress|emprise|froid|dehors|expuls|sans.?abri|sdf\b|a la rue|dors? (dans la|a la) rue)/;

/** A translated search page's danger words (src/lib/search/danger-langues.ts), sent with the page (Recherche.astro). */
export type MotsDeDanger = { debut: readonly string[]; dedans: readonly string[] };

const echapper = (mot: string) => mot.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Latin and Cyrillic words match at a word's start; Arabic-script ones anywhere in a word, which carries its prefixes
 * joined (ال، و، ب). Normalised as queries are.
 */
export function reglesDeDanger({ debut, dedans }: MotsDeDanger): RegExp[] {
  const liste = (mots: readonly string[]) => mots.map((m) => echapper(normaliser(m))).join('|');
  return [
    ...(debut.length ? [new RegExp(`(?<![\\p{L}\\p{N}])(?:${liste(debut)})`, 'u')] : []),
    ...(dedans.length ? [new RegExp(`(?:${liste(dedans)})`, 'u')] : []),
  ];
}

/** French danger words always; a translated page adds its language's (reglesDeDanger). */
export function sembleDanger(texte: string, autres: readonly RegExp[] = []): boolean {
  const n = normaliser(texte);
  return DANGER.test(n) || autres.some((r) => r.test(n));
}

/** Optimal string alignment distance (Levenshtein with swaps of two neighbours), stopped beyond `max`. */
export function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let avant: number[] = [];
  let prec = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let min = i;
    for (let j = 1; j <= b.length; j++) {
      const cout = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prec[j]! + 1, cur[j - 1]! + 1, prec[j - 1]! + cout);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, avant[j - 2]! + 1);
      cur.push(d);
      min = Math.min(min, d);
    }
    if (min > max) return max + 1;
    [avant, prec] = [prec, cur];
  }
  return prec[b.length]!;
}

/**
 * The index word closest to each word of the query that the index does not know (or that word without the
 * elided letter glued to it), or the query unchanged.
 * `dictionnaire` lists the index's words, most frequent first: on a tie, the more frequent word wins.
 */
export function corriger(texte: string, dictionnaire: string[]): string {
  const connus = new Map<string, string>();
  for (const m of dictionnaire) if (!connus.has(normaliser(m))) connus.set(normaliser(m), m);
  return mots(texte)
    .map((m) => {
      const n = normaliser(m);
      if (n.length < 4 || connus.has(n)) return m;
      // SMS writing drops the apostrophe: "daide", "lecole" are "d’aide", "l’école".
      const elide = n.replace(/^(?:qu|[cdjlmnst])(?=[aeiouyh])/, '');
      if (elide !== n && connus.has(elide)) return connus.get(elide)!;
      const max = n.length < 7 ? 1 : 2;
      let best: [number, string] | undefined;
      for (const [cle, forme] of connus) {
        const d = distance(n, cle, max);
        if (d <= max && (!best || d < best[0])) best = [d, forme];
      }
      return best?.[1] ?? m;
    })
    .join(' ');
}

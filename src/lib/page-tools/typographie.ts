/**
 * Build and Node server: French typography. `typographie()` fixes what a machine can fix safely (apostrophes, non-breaking
 * spaces, « 1er ») and runs over every built page (src/middleware.ts); `problemesTypographiques()`
 * names what an editor must fix by hand, for the content check.
 */

export const NBSP = '\u00a0';
/** Narrow no-break space: before ; ! ? and inside « » (Imprimerie nationale usage). */
export const NNBSP = '\u202f';

const MOIS = 'janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre';

/** One text (not HTML): the fixes that never change meaning. Idempotent. */
export function typographie(text: string): string {
  return (
    text
      // Straight apostrophes between letters (also as Astro escapes them) become curly.
      .replace(/(?<=\p{L})(?:'|&#39;|&#x27;)(?=\p{L})/gu, '’')
      // Before the high punctuation: no line break.
      .replace(/[ \u00a0\u202f]+:/g, `${NBSP}:`)
      .replace(/[ \u00a0\u202f]+([;!?])/g, `${NNBSP}$1`)
      .replace(/«[ \u00a0\u202f]*/g, `«${NNBSP}`)
      .replace(/[ \u00a0\u202f]*»/g, `${NNBSP}»`)
      // The first of the month is « 1er ».
      .replace(new RegExp(`(?<![\\d\\p{L}])1[ \\u00a0](${MOIS})(?!\\p{L})`, 'gu'), `1er${NBSP}$1`)
      // A number stays with its unit or noun (« 16 h 30 », « 3 places », « 20 € »).
      .replace(/(?<=\d) (?!(?:à|et|ou|de|du|des|le|la|les|au|aux|en|sur|pour|puis)(?!\p{L}))(?=[\p{L}€%])/gu, NBSP)
      .replace(/(?<=\d\u00a0h) (?=\d)/g, NBSP)
  );
}

const SKIPPED = /^<(script|style|pre|code|textarea)\b/i;
/** An element whose text is someone's own words (a resident's answer, a note): shown as typed. */
const VOID = /^(area|base|br|col|embed|hr|img|input|link|meta|source|track|wbr)$/;
const RAW = /^<([a-z][a-z0-9-]*)\b[^>]*\sdata-brut(?:[\s=>/])/i;

/**
 * Every text node of an HTML page, never inside tags, scripts, styles, code, text areas or an element
 * marked `data-brut` (nested elements of the same name are counted, so the mark covers the whole element).
 */
export function typographieHtml(html: string): string {
  const parts = html.split(/(<[^>]*>)/);
  let skipUntil: string | undefined;
  let depth = 0;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (part.startsWith('<')) {
      const lower = part.toLowerCase();
      if (skipUntil) {
        if (lower.startsWith(`</${skipUntil}`) && (lower[skipUntil.length + 2] ?? '>').match(/[\s>]/)) {
          if (--depth === 0) skipUntil = undefined;
        } else if (new RegExp(`^<${skipUntil}[\\s>/]`).test(lower) && !part.endsWith('/>')) depth++;
      } else {
        skipUntil = (SKIPPED.exec(part) ?? RAW.exec(part))?.[1]?.toLowerCase();
        // A void element has no text to keep: nothing to skip.
        if (skipUntil && (VOID.test(skipUntil) || part.endsWith('/>'))) skipUntil = undefined;
        if (skipUntil) depth = 1;
      }
      continue;
    }
    if (!skipUntil && part.trim()) parts[i] = typographie(part);
  }
  return parts.join('');
}

// Place names that take an article: « à la Maison de quartier », « à l’Espace social », « au Centre social ».
const LIEUX_AVEC_ARTICLE = /(?<!\p{L})à (Maison|Espace|Centre social|Mairie|Médiathèque|Bibliothèque|Salle)\b/u;

/** What an editor must fix by hand in one text, each as a French sentence. */
export function problemesTypographiques(text: string): string[] {
  const problems: string[] = [];
  const sansLiens = text.replace(/\bhttps?:\/\/\S+|\bwww\.\S+|\S+@\S+/g, '');
  const collé = /[\p{Ll}\d)][.;!?)](?=\p{Lu}\p{Ll})/u.exec(sansLiens);
  if (collé) problems.push(`espace manquante après la ponctuation : « ${contexte(sansLiens, collé.index)} »`);
  const article = LIEUX_AVEC_ARTICLE.exec(text);
  if (article)
    problems.push(
      `article manquant devant un nom de lieu : « ${article[0]} » (écrivez « à la Maison… », « à l’Espace… », « au Centre social… »)`,
    );
  const double = /(?<!\p{L})(\p{L}{2,})[\s\u00a0()]+\1(?!\p{L})/iu.exec(text);
  if (double && !/^(nous|vous)$/i.test(double[1]!)) problems.push(`mot répété : « ${double[0]} »`);
  return problems;
}

const contexte = (text: string, at: number) => text.slice(Math.max(0, at - 12), at + 14).replace(/\s+/g, ' ');

/** « 1 place », « 3 places »: the noun agrees with the count. */
export const pluriel = (n: number, singulier: string, plurielForme = `${singulier}s`) =>
  `${n}${NBSP}${Math.abs(n) >= 2 ? plurielForme : singulier}`;

/**
 * The preposition and article before a place's name: « à » + « la Maison… », « à » + « l’Espace… »,
 * « au » + « Centre social… ». The article goes inside the link, with the name.
 */
export function aLieu(nom: string): { preposition: string; article: string } {
  const mot = nom.split(/[\s\u00a0]/)[0]!;
  if (/^(Maison|Mairie|Salle|Médiathèque|Bibliothèque|MDPH)$/u.test(mot)) return { preposition: 'à', article: 'la ' };
  if (/^(Centre|Pôle|Point)$/u.test(mot)) return { preposition: 'au', article: '' };
  if (/^[AEIOUÉÈÊH]/u.test(mot)) return { preposition: 'à', article: 'l’' };
  return { preposition: 'à', article: '' };
}

/** « de Camille », « d’Aurélie »: the preposition elides before a vowel or a mute h. */
export const deNom = (nom: string) => (/^[aeiouyhàâäéèêëîïôöûüÿ]/iu.test(nom) ? `d’${nom}` : `de ${nom}`);

/** A sentence with one final full stop, even when its last word is an abbreviation (« Aurélie G. »). */
export const phrase = (texte: string) => (/[.!?…]$/u.test(texte) ? texte : `${texte}.`);

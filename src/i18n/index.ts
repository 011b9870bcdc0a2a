/** Build: each language's interface catalogue by its code (src/i18n/languages.ts). */
import { ar } from './ar.ts';
import { en } from './en.ts';
import { es } from './es.ts';
import { fr, type Catalogue } from './fr.ts';
import type { Code } from './languages.ts';
import { prs } from './prs.ts';
import { pt } from './pt.ts';
import { uk } from './uk.ts';

export const CATALOGUES: Record<Code, Catalogue> = { fr, en, ar, uk, prs, es, pt };

export const textes = (code: Code): Catalogue => CATALOGUES[code];

/**
 * A sentence with `{numero}` split around the number, so the number can be set apart (left to right). Its spaces become
 * no-break spaces: a number never breaks away from its verb (as libelleAppel does in French).
 */
export function autourDuNumero(phrase: string): [string, string] {
  const [avant = '', apres = ''] = phrase.replaceAll(' ', '\u00a0').split('{numero}');
  return [avant, apres];
}

/**
 * Build: Easy-read (FALC) checks on the `falc` summaries, after the European easy-read rules (Inclusion
 * Europe): short sentences, short words, numbers in digits, no jargon, no negative or passive forms.
 * They are warnings naming the sentence: only the proofreading by people with learning disabilities
 * says a text is easy to read, so a summary stays a draft until that proofreading is recorded.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { ContentProblem, LoadedEntry } from './types.ts';

export const LIMITES_FALC = { motsParPhrase: 12, caracteresParPhrase: 80, lettresParMot: 12 };

export type Jargon = { mot: string; dire_plutot: string }[];

/** The jargon list editors extend: content/falc/jargon.yaml (a list of { mot, dire_plutot }). */
export async function loadJargon(contentDir: string): Promise<{ jargon: Jargon; problems: ContentProblem[] }> {
  const file = path.join(contentDir, 'falc/jargon.yaml');
  const text = await readFile(file, 'utf8').catch(() => null);
  if (text === null) return { jargon: [], problems: [] };
  const rel = 'content/falc/jargon.yaml';
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch {
    return {
      jargon: [],
      problems: [{ file: rel, message: 'liste illisible : vérifiez les tirets, les deux-points et les guillemets' }],
    };
  }
  const jargon: Jargon = [];
  const problems: ContentProblem[] = [];
  (Array.isArray(data) ? data : []).forEach((item: unknown, i) => {
    const { mot, dire_plutot } = (item ?? {}) as Record<string, unknown>;
    if (typeof mot === 'string' && mot.trim() && typeof dire_plutot === 'string') jargon.push({ mot: mot.trim(), dire_plutot });
    else
      problems.push({
        file: rel,
        field: `[${i}]`,
        message: 'chaque mot a deux lignes, par exemple « - mot: dispositif » puis « dire_plutot: "une aide, un service" »',
      });
  });
  if (!Array.isArray(data)) problems.push({ file: rel, message: 'une liste est attendue : une ligne « - mot: … » par mot' });
  return { jargon, problems };
}

// JavaScript's \b ignores accented letters: word edges are written as letter lookarounds.
const NOMBRES_EN_LETTRES =
  /(?<!\p{L})(deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingt|trente|quarante|cinquante|soixante|cent|mille)s?(?!\p{L})/iu;
const NEGATION =
  /(?<!\p{L})(?:ne\s+|n['’])\p{L}+(?:\s+\p{L}+)?\s+(?:pas|plus|jamais|rien|personne|aucun|aucune|guère)(?!\p{L})|(?<!\p{L})(?:non|jamais)(?!\p{L})/iu;
// "être" conjugated, an optional adverb, then a past participle: likely a passive form.
const PASSIF =
  /(?<!\p{L})(?:est|sont|était|étaient|sera|seront|serez|êtes|sommes|suis|être|été)\s+(?:\p{L}+ment\s+|bien\s+|très\s+)?\p{L}{2,}(?:é|ée|és|ées|i|ie|is|ies|ise|ises|u|ue|us|ues|it|ite|its|ites)(?!\p{L})/iu;
// Words that end like past participles but are not: « c'est gratuit », « vous êtes bienvenue », « c'est mardi ».
const ADJECTIFS = /(?<!\p{L})(?:gratuite?s?|petite?s?|bienvenue?s?|ici|aussi|midi|lundi|mardi|mercredi|jeudi|vendredi|samedi)$/iu;

/** Splits a summary line into sentences. */
export function phrases(text: string): string[] {
  return text
    .split(/(?<=[.!?…])\s+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

const normalise = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** The easy-read problems of one sentence, in French, each with what to do. */
export function problemesFalc(phrase: string, jargon: Jargon = []): string[] {
  const out: string[] = [];
  const mots = phrase.match(/[\p{L}\p{N}’'-]+/gu) ?? [];
  if (mots.length > LIMITES_FALC.motsParPhrase)
    out.push(`phrase trop longue : ${mots.length} mots (${LIMITES_FALC.motsParPhrase} au plus) ; coupez-la en deux phrases`);
  if (phrase.length > LIMITES_FALC.caracteresParPhrase)
    out.push(`phrase trop longue : ${phrase.length} caractères (${LIMITES_FALC.caracteresParPhrase} au plus)`);
  const longs = mots.filter((m) => m.replace(/^\p{L}['’]/u, '').length > LIMITES_FALC.lettresParMot);
  if (longs.length) out.push(`mot long : ${longs.map((m) => `« ${m} »`).join(', ')} ; cherchez un mot plus court et courant`);
  const nombre = NOMBRES_EN_LETTRES.exec(phrase);
  if (nombre) out.push(`nombre écrit en lettres : « ${nombre[0]} » ; écrivez-le en chiffres (par exemple 3 et non trois)`);
  const texte = ` ${normalise(phrase)} `;
  for (const { mot, dire_plutot } of jargon) {
    const m = normalise(mot).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    if (new RegExp(`(?<![\\p{L}])${m}s?(?![\\p{L}])`, 'u').test(texte)) out.push(`mot difficile : « ${mot} » ; ${dire_plutot}`);
  }
  if (NEGATION.test(phrase)) out.push('forme négative : dites ce qui est, de façon positive, quand c’est possible');
  const passif = PASSIF.exec(phrase);
  if (passif && !ADJECTIFS.test(passif[0]))
    out.push('forme passive possible : dites qui fait l’action (« la Ville ouvre l’école »)');
  return out;
}

/** Warnings for every FALC summary: each sentence, and the draft status until proofreading is recorded. */
export function checkFalc(entries: LoadedEntry[], jargon: Jargon): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const e of entries) {
    const falc = e.data.falc as { texte: string[]; statut: string } | undefined;
    if (!falc) continue;
    falc.texte.forEach((ligne, i) => {
      for (const phrase of phrases(ligne))
        for (const message of problemesFalc(phrase, jargon))
          problems.push({
            file: e.file,
            line: e.lineOf?.(['falc', 'texte', i]),
            field: `falc.texte[${i}]`,
            niveau: 'avertissement',
            message: `FALC, « ${phrase} » : ${message}`,
          });
    });
    if (falc.statut === 'brouillon')
      problems.push({
        file: e.file,
        line: e.lineOf?.(['falc', 'statut']),
        field: 'falc.statut',
        niveau: 'avertissement',
        message:
          'résumé FALC en brouillon : faites-le relire par des personnes en situation de handicap intellectuel, puis écrivez statut: relu et relecture: { par: "groupe de relecture FALC", le: 2027-01-15 }',
      });
  }
  return problems;
}

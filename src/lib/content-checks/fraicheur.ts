/**
 * Build: Freshness of what editors verified: every entry carries `verifie_le`; after some months its facts
 * (people, hours, places) may be wrong, so the check warns, then refuses to publish.
 */
import { suivi } from '../../schemas/index.ts';
import type { ContentProblem, LoadedEntry } from './types.ts';
import { formatDate } from '../time/dates.ts';

export type Seuils = { avertirMois: number; erreurMois: number };
export const SEUILS_PAR_DEFAUT: Seuils = { avertirMois: 6, erreurMois: 12 };

/** Thresholds from `FABRIQUE_FRAICHEUR="6,12"` (months before a warning, before an error), else 6 and 12. */
export function seuilsDepuis(env: string | undefined): Seuils {
  if (!env) return SEUILS_PAR_DEFAUT;
  const [avertirMois, erreurMois] = env.split(',').map((n) => Number(n.trim()));
  if (!Number.isInteger(avertirMois) || !Number.isInteger(erreurMois) || avertirMois! < 1 || erreurMois! <= avertirMois!)
    throw new Error(
      `FABRIQUE_FRAICHEUR mal écrit : « ${env} » ; attendu deux nombres de mois, le second plus grand, par exemple FABRIQUE_FRAICHEUR=6,12`,
    );
  return { avertirMois: avertirMois!, erreurMois: erreurMois! };
}

/** `date` (AAAA-MM-JJ) plus `months` calendar months, as AAAA-MM-JJ (31 January + 1 month = 28 or 29 February). */
export function plusMois(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

export type ARevoir = {
  file: string;
  line?: number;
  verifie_le: string;
  page: string;
  equipe: string;
  niveau: 'erreur' | 'avertissement';
};

/** Entries past the warning threshold on `today` (AAAA-MM-JJ), oldest first. */
export function aRevoir(entries: LoadedEntry[], today: string, seuils: Seuils = SEUILS_PAR_DEFAUT): ARevoir[] {
  return entries
    .filter((e) => typeof e.data.verifie_le === 'string' && plusMois(e.data.verifie_le, seuils.avertirMois) <= today)
    .map((e) => {
      const verifie = e.data.verifie_le as string;
      return {
        file: e.file,
        line: e.lineOf?.(['verifie_le']),
        verifie_le: verifie,
        page: suivi[e.collection].page(e.id, e.data),
        equipe: suivi[e.collection].equipe,
        niveau: plusMois(verifie, seuils.erreurMois) <= today ? ('erreur' as const) : ('avertissement' as const),
      };
    })
    .sort((a, b) => a.verifie_le.localeCompare(b.verifie_le) || a.file.localeCompare(b.file));
}

/** The same list as problems: warnings after `avertirMois`, errors after `erreurMois`; a date in the future is an error. */
export function checkFraicheur(entries: LoadedEntry[], today: string, seuils: Seuils = SEUILS_PAR_DEFAUT): ContentProblem[] {
  const future = entries
    .filter((e) => typeof e.data.verifie_le === 'string' && e.data.verifie_le > today)
    .map((e): ContentProblem => ({
      file: e.file,
      line: e.lineOf?.(['verifie_le']),
      field: 'verifie_le',
      niveau: 'erreur',
      message: `date de vérification dans le futur (${String(e.data.verifie_le)}) : indiquez le jour où les informations ont été vérifiées, par exemple ${today}`,
    }));
  const old = aRevoir(entries, today, seuils).map((r): ContentProblem => ({
    file: r.file,
    line: r.line,
    field: 'verifie_le',
    niveau: r.niveau,
    message:
      `informations vérifiées le ${formatDate(r.verifie_le)}, il y a plus de ${r.niveau === 'erreur' ? seuils.erreurMois : seuils.avertirMois} mois : ` +
      `revérifiez-les sur la page ${r.page} (équipe ${r.equipe}), puis mettez la date du jour, par exemple verifie_le: ${today}`,
  }));
  return [...future, ...old];
}

/** The `--fraicheur` listing: one line per entry to re-check, oldest first. */
export function formatARevoir(list: ARevoir[], today: string, seuils: Seuils): string {
  if (list.length === 0) return `Fraîcheur : toutes les fiches ont été vérifiées depuis moins de ${seuils.avertirMois} mois.`;
  const lines = list.map(
    (r) =>
      `  - ${r.verifie_le}  ${r.niveau === 'erreur' ? 'ERREUR ' : 'à revoir'}  ${r.page}  équipe ${r.equipe}  (${r.file}${r.line ? `, ligne ${r.line}` : ''})`,
  );
  return [
    `À revérifier au ${today} (${list.length} fiche${list.length > 1 ? 's' : ''}, la plus ancienne d'abord ; erreur après ${seuils.erreurMois} mois) :`,
    ...lines,
  ].join('\n');
}

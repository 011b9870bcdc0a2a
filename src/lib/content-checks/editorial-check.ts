/**
 * Build: What editors must keep up beyond the schemas: freshness of `verifie_le` and easy-read summaries.
 * Run by `npm run check:content` and the build, not by the form server: an old entry must never stop
 * the forms that let people ask for help.
 */
import type { ContentProblem, LoadedEntry } from './types.ts';
import { todayInRennes } from '../time/dates.ts';
import { checkFalc, loadJargon } from './falc-check.ts';
import { checkFraicheur, seuilsDepuis, type Seuils } from './fraicheur.ts';
import { checkStatuts } from './statut-check.ts';

export type EditorialOptions = { today?: string; seuils?: Seuils };

export async function checkEditorial(
  contentDir: string,
  entries: LoadedEntry[],
  { today = todayInRennes(), seuils = seuilsDepuis(process.env.FABRIQUE_FRAICHEUR) }: EditorialOptions = {},
): Promise<{ errors: ContentProblem[]; warnings: ContentProblem[] }> {
  const { jargon, problems: jargonProblems } = await loadJargon(contentDir);
  const all = [
    ...jargonProblems,
    ...checkFraicheur(entries, today, seuils),
    ...checkFalc(entries, jargon),
    ...checkStatuts(entries, today),
  ];
  return {
    errors: all.filter((p) => p.niveau !== 'avertissement'),
    warnings: all.filter((p) => p.niveau === 'avertissement'),
  };
}

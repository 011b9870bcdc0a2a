/**
 * Build, dev server and `npm run check:content`: every check of content/ at once (schemas, references, form
 * settings, editorial rules), and the files the dev server leaves out so that one mistake never stops it.
 */
import path from 'node:path';
import { checkContent, checkReferences, formatProblem, formatProblems } from './content-check.ts';
import { checkEditorial, type EditorialOptions } from './editorial-check.ts';
import { checkForms } from './forms-check.ts';
import { checkTraductions } from './traductions-check.ts';
import type { ContentProblem, LoadedEntry } from './types.ts';

export type ContentReport = {
  /** What stops a build, in file order. */
  errors: ContentProblem[];
  warnings: ContentProblem[];
  /** Entries that passed their schema (some may still be refused). */
  entries: LoadedEntry[];
  /** Files (`content/…`) the dev server leaves out: their own errors, or they name a file left out. */
  refused: Set<string>;
  /** Files left out only because they name a refused one, with the reason. */
  leftOut: ContentProblem[];
};

export async function checkAll(contentDir: string, options: EditorialOptions = {}): Promise<ContentReport> {
  const { problems, entries } = await checkContent(contentDir);
  const formProblems = await checkForms(contentDir, entries);
  const editorial = await checkEditorial(contentDir, entries, options);
  // Translated pages: per language, what is missing or not yet proofread (issue 23).
  const traductions = await checkTraductions(contentDir);
  const warnings = [...editorial.warnings, ...traductions.warnings];
  const all = [...problems, ...formProblems, ...editorial.errors, ...traductions.errors];
  const refused = new Set(all.map((p) => p.file));
  const leftOut: ContentProblem[] = [];
  // An entry naming a refused one would break its page: it is left out too, until nothing changes.
  for (;;) {
    const more = checkReferences(entries.filter((e) => !refused.has(e.file))).filter((p) => !refused.has(p.file));
    if (more.length === 0) break;
    for (const p of more) {
      refused.add(p.file);
      const named = /« (.+?) »/.exec(p.message)?.[1] ?? '';
      leftOut.push({ ...p, message: `laissé de côté lui aussi : il nomme « ${named} », laissé de côté ci-dessus` });
    }
  }
  return { errors: all, warnings, entries, refused, leftOut };
}

/** `npm run build`: the refusal, then what to do. */
export function formatRefusal(errors: ContentProblem[]): string {
  return [
    `Construction arrêtée. ${formatProblems(errors)}`,
    'Corrigez ces lignes (dans l’éditeur /admin/ ou dans les fichiers), puis relancez la construction. ' +
      'npm run check:content vérifie le contenu sans construire.',
  ].join('\n');
}

/** `npm run dev`: what is left out, the server going on without it. */
export function formatLeftOut(
  report: Pick<ContentReport, 'errors' | 'leftOut' | 'refused'>,
  files?: ReadonlySet<string>,
): string {
  const errors = report.errors.filter((p) => !files || files.has(p.file));
  const leftOut = report.leftOut.filter((p) => !files || files.has(p.file));
  const n = new Set([...errors, ...leftOut].map((p) => p.file)).size;
  const head =
    n > 1
      ? `${n} fichiers de content/ laissés de côté : le site de développement continue sans eux, la construction les refusera tant qu’ils ne sont pas corrigés.`
      : '1 fichier de content/ laissé de côté : le site de développement continue sans lui, la construction le refusera tant qu’il n’est pas corrigé.';
  return [
    head,
    ...errors.map(formatProblem),
    ...leftOut.map(formatProblem),
    'La liste est aussi sur la page /admin/verification/ du site de développement.',
  ].join('\n');
}

/** A content file's `content/…` name from its absolute path, as problems name it. */
export const contentFileName = (contentDir: string, file: string) =>
  path
    .relative(path.dirname(path.resolve(contentDir)), file)
    .split(path.sep)
    .join('/');

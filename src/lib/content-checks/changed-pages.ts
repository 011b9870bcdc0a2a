/** Build: Which public pages show the content files an editor changed: what `npm run preview:content` opens. */
import { suivi } from '../../schemas/index.ts';
import type { LoadedEntry } from './types.ts';

/** Files from `git status --porcelain` output (paths relative to the project), content/ only. */
export function changedContentFiles(porcelain: string): string[] {
  return porcelain
    .split('\n')
    .filter((line) => line.length > 3)
    .map((line) =>
      line
        .slice(3)
        .replace(/^.* -> /, '')
        .replace(/^"|"$/g, ''),
    )
    .filter((file) => file.startsWith('content/'));
}

/** The page of each changed entry (forms: their form page), without duplicates, in file order. */
export function pagesFor(files: string[], entries: LoadedEntry[]): { file: string; page: string }[] {
  const byFile = new Map(entries.map((e) => [e.file, e]));
  const out: { file: string; page: string }[] = [];
  for (const file of [...files].sort()) {
    const entry = byFile.get(file);
    const form = /^content\/formulaires\/([a-z0-9-]+)\.yaml$/.exec(file);
    const page = entry ? suivi[entry.collection].page(entry.id, entry.data) : form ? `/formulaires/${form[1]}/` : undefined;
    if (page && !out.some((o) => o.page === page)) out.push({ file, page });
  }
  return out;
}

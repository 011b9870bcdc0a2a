/**
 * Build and Node server: Content-check rules for residents' words and place names (issue 11): a word must lead to a page that
 * exists, and a place name appears once per quartier. Called by src/lib/content-checks/content-check.ts.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { ContentProblem, LoadedEntry } from './types.ts';

/** Collections with one page per entry, and the address of that page. */
const ROUTES: Partial<Record<string, (id: string) => string>> = {
  programmes: (id) => `/programmes/${id}/`,
  quartiers: (id) => `/quartiers/${id}/`,
  formations: (id) => `/formations/${id}/`,
  activites: (id) => `/activites/${id}/`,
  lieux: (id) => `/lieux/${id}/`,
  pages: (id) => `/${id}/`,
};
/** Pages of src/pages/ that no entry generates. */
const PAGES_FIXES = [
  '/',
  '/aide/',
  '/recherche/',
  '/plan-du-site/',
  '/referents/',
  '/programmes/',
  '/quartiers/',
  '/formations/',
  '/activites/',
  '/lieux/',
];

/** Every address a word may lead to: fixed pages, one page per entry, one per form settings file. */
export async function knownPages(entries: LoadedEntry[], contentDir: string): Promise<Set<string>> {
  const pages = new Set(PAGES_FIXES);
  for (const e of entries) {
    const route = ROUTES[e.collection];
    if (route) pages.add(route(e.id));
  }
  const forms = await readdir(path.join(contentDir, 'formulaires')).catch(() => [] as string[]);
  for (const f of forms) if (f.endsWith('.yaml')) pages.add(`/formulaires/${f.slice(0, -5)}/`);
  return pages;
}

export async function checkVocabulaire(entries: LoadedEntry[], contentDir: string): Promise<ContentProblem[]> {
  const pages = await knownPages(entries, contentDir);
  const problems: ContentProblem[] = [];
  for (const e of entries.filter((x) => x.collection === 'vocabulaire')) {
    const page = String(e.data.page);
    if (!pages.has(page)) {
      const proche = [...pages].filter((p) => p.split('/').at(-2) === page.split('/').at(-2));
      problems.push({
        file: e.file,
        field: 'page',
        message: `la page « ${page} » n'existe pas sur le site : ces mots ne mèneraient nulle part. Copiez l'adresse de la page depuis le navigateur (par exemple /programmes/fabrique/)${proche.length ? ` ; vouliez-vous dire ${proche.join(' ou ')} ?` : ''}`,
      });
    }
  }
  for (const e of entries.filter((x) => x.collection === 'quartiers-noms')) {
    const seen = new Set<string>();
    for (const [i, n] of (e.data.noms as { nom: string }[]).entries()) {
      const key = n.nom.toLocaleLowerCase('fr');
      if (seen.has(key))
        problems.push({ file: e.file, field: `noms[${i}].nom`, message: `« ${n.nom} » figure deux fois dans ce fichier` });
      seen.add(key);
    }
  }
  return problems;
}

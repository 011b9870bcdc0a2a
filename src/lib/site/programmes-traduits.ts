/**
 * Build: the programme summaries translated into each language (content/traductions/<language>/programmes/, issue 23),
 * beside their French programme; and, for a programme's address in any language, where it exists in the others (the
 * `hreflang` alternates and the language menu, src/layouts/Base.astro).
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { FRANCAIS, LANGUES, langueDuChemin, type Code, type Langue } from '../../i18n/languages.ts';
import type { Programme } from './content.ts';

export type ProgrammeTraduitEntry = CollectionEntry<'programmesTraduits'>;

/** A programme's address in a language: the French one's, under the language's prefix. */
export const cheminProgramme = (id: string, l: Langue): string => `${l.prefixe}/programmes/${id}/`;

/** `en/programmes/fabrique` → ['en', 'fabrique']. */
const parties = (e: ProgrammeTraduitEntry) => {
  const [code, , id] = e.id.split('/');
  return { code: code as Code, id: id! };
};

/** A language's translated summaries, each with its French programme, in the programmes' order (the French home's). */
export async function programmesTraduits(code: Code): Promise<{ entry: ProgrammeTraduitEntry; programme: Programme }[]> {
  const [traduits, programmes] = await Promise.all([getCollection('programmesTraduits'), getCollection('programmes')]);
  return traduits
    .filter((e) => parties(e).code === code)
    .map((entry) => {
      const programme = programmes.find((p) => p.id === parties(entry).id);
      if (!programme)
        throw new Error(
          `content/traductions/${entry.id}.md : le programme « ${parties(entry).id} » n’existe pas en français (content/programmes/)`,
        );
      return { entry, programme };
    })
    .sort((a, b) => a.programme.data.ordre - b.programme.data.ordre);
}

/**
 * The languages a programme's page exists in, by address (French first), when this address is a programme's in French
 * or in a translation and at least one translation exists; else undefined.
 */
export async function versionsDuProgramme(pathname: string): Promise<Partial<Record<Code, string>> | undefined> {
  const langue = langueDuChemin(pathname);
  const id = new RegExp(`^${langue.prefixe}/programmes/([a-z0-9-]+)/$`).exec(pathname)?.[1];
  if (!id) return undefined;
  const codes = new Set(
    (await getCollection('programmesTraduits'))
      .map(parties)
      .filter((p) => p.id === id)
      .map((p) => p.code),
  );
  if (codes.size === 0 || (langue !== FRANCAIS && !codes.has(langue.code))) return undefined;
  return Object.fromEntries(
    LANGUES.filter((l) => l === FRANCAIS || codes.has(l.code)).map((l) => [l.code, cheminProgramme(id, l)]),
  );
}

/**
 * Build and `npm run check:content`: the translated pages (content/traductions/<language>/<page>.md, issue 23), language
 * by language: which are missing, which are still a draft (not yet proofread by a named role). A draft is published
 * and says so on its page, so these are warnings; a file that names another page than its own is an error.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { PAGES_TRADUISIBLES, TRADUITES, type PageTraduisible } from '../../i18n/languages.ts';
import { traductionSchema } from '../../schemas/traduction.ts';
import type { ContentProblem } from './types.ts';

export type EtatTraduction = 'manquante' | 'brouillon' | 'relue' | 'illisible';

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\s*(?:\r?\n|$)/;
const PAGES = Object.keys(PAGES_TRADUISIBLES) as PageTraduisible[];
const nomFrancais = (tag: string) => new Intl.DisplayNames(['fr'], { type: 'language' }).of(tag) ?? tag;
/** « l’arabe », « le dari ». */
const leNom = (tag: string) => (/^[aeiouy]/.test(nomFrancais(tag)) ? `l’${nomFrancais(tag)}` : `le ${nomFrancais(tag)}`);

/** Each language's translatable pages and where each stands; the problems found on the way. */
export async function etatDesTraductions(
  contentDir: string,
): Promise<{ etats: Record<string, Record<PageTraduisible, EtatTraduction>>; errors: ContentProblem[] }> {
  const etats: Record<string, Record<PageTraduisible, EtatTraduction>> = {};
  const errors: ContentProblem[] = [];
  for (const l of TRADUITES) {
    const parPage = {} as Record<PageTraduisible, EtatTraduction>;
    for (const page of PAGES) {
      const file = `content/traductions/${l.code}/${page}.md`;
      const raw = await readFile(path.join(contentDir, 'traductions', l.code, `${page}.md`), 'utf8').catch(() => null);
      if (raw === null) {
        parPage[page] = 'manquante';
        continue;
      }
      let data: unknown;
      try {
        data = parseYaml(FRONT_MATTER.exec(raw)?.[1] ?? '');
      } catch {
        data = undefined;
      }
      const result = traductionSchema.safeParse(data);
      if (!result.success) {
        parPage[page] = 'illisible';
        errors.push({
          file,
          message:
            'en-tête à corriger : titre, description, et traduction: { de: ' +
            `${page}, statut: brouillon } (ou statut: relue et relue_par: "rôle de la personne qui a relu")`,
        });
        continue;
      }
      if (result.data.traduction.de !== page) {
        parPage[page] = 'illisible';
        errors.push({
          file,
          field: 'traduction.de',
          message: `ce fichier traduit la page « ${page} » : écrivez de: ${page}`,
        });
        continue;
      }
      parPage[page] = result.data.traduction.statut;
    }
    etats[l.code] = parPage;
  }
  return { etats, errors };
}

/** The problems and one warning per language with a page missing or not yet proofread. */
export async function checkTraductions(contentDir: string): Promise<{ errors: ContentProblem[]; warnings: ContentProblem[] }> {
  // A copy of the content without a translations folder (a test's, an older one): nothing to say.
  if ((await readdir(path.join(contentDir, 'traductions')).catch(() => null)) === null) return { errors: [], warnings: [] };
  const { etats, errors } = await etatDesTraductions(contentDir);
  const warnings: ContentProblem[] = [];
  for (const l of TRADUITES) {
    const e = etats[l.code]!;
    const liste = (etat: EtatTraduction) => PAGES.filter((p) => e[p] === etat).map((p) => `${p}.md`);
    const parts = [
      liste('manquante').length > 0 && `manquantes : ${liste('manquante').join(', ')} (la page en français reste la seule)`,
      liste('brouillon').length > 0 &&
        `en brouillon : ${liste('brouillon').join(', ')} (faites-les relire par une personne qui lit le français et ` +
          `${leNom(l.tag)}, puis écrivez statut: relue et relue_par: "son rôle")`,
    ].filter(Boolean);
    if (parts.length > 0)
      warnings.push({
        file: `content/traductions/${l.code}/`,
        message: `traduction en ${nomFrancais(l.tag)} : ${parts.join(' ; ')}`,
        niveau: 'avertissement',
      });
  }
  return { errors, warnings };
}

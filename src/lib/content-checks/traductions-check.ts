/**
 * Build and `npm run check:content`: the translated pages (content/traductions/<language>/<page>.md, issue 23), language
 * by language: which are missing, which are still a draft (not yet proofread by a named role). A draft is published
 * and says so on its page, so these are warnings; a file that names another page than its own is an error. The same for
 * the programme summaries (content/traductions/<language>/programmes/<programme>.md): a summary of a programme that
 * does not exist in French, or a sensitive programme's summary without its neutral history title, is an error.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { PAGES_TRADUISIBLES, TRADUITES, type PageTraduisible } from '../../i18n/languages.ts';
import { traductionSchema } from '../../schemas/traduction.ts';
import { programmeTraduitSchema } from '../../schemas/programme-traduit.ts';
import type { ContentProblem } from './types.ts';

export type EtatTraduction = 'manquante' | 'brouillon' | 'relue' | 'illisible';

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\s*(?:\r?\n|$)/;
const PAGES = Object.keys(PAGES_TRADUISIBLES) as PageTraduisible[];
const nomFrancais = (tag: string) => new Intl.DisplayNames(['fr'], { type: 'language' }).of(tag) ?? tag;
/** « l’arabe », « le dari ». */
const leNom = (tag: string) => (/^[aeiouy]/.test(nomFrancais(tag)) ? `l’${nomFrancais(tag)}` : `le ${nomFrancais(tag)}`);

const frontMatter = (raw: string): unknown => {
  try {
    return parseYaml(FRONT_MATTER.exec(raw)?.[1] ?? '');
  } catch {
    return undefined;
  }
};
const markdownFiles = async (dir: string) =>
  ((await readdir(dir).catch(() => [])) as string[])
    .filter((f) => f.endsWith('.md'))
    .map((f) => f.slice(0, -3))
    .sort();

/**
 * Each language's programme summaries and where each stands, by French programme (content/programmes/); the problems
 * found on the way.
 */
export async function etatDesProgrammesTraduits(
  contentDir: string,
): Promise<{ etats: Record<string, Record<string, EtatTraduction>>; errors: ContentProblem[] }> {
  const francais = new Map<string, unknown>();
  for (const id of await markdownFiles(path.join(contentDir, 'programmes')))
    francais.set(id, frontMatter(await readFile(path.join(contentDir, 'programmes', `${id}.md`), 'utf8')));
  const etats: Record<string, Record<string, EtatTraduction>> = {};
  const errors: ContentProblem[] = [];
  for (const l of TRADUITES) {
    const dir = path.join(contentDir, 'traductions', l.code, 'programmes');
    const parProgramme: Record<string, EtatTraduction> = Object.fromEntries([...francais.keys()].map((id) => [id, 'manquante']));
    for (const id of await markdownFiles(dir)) {
      const file = `content/traductions/${l.code}/programmes/${id}.md`;
      if (!francais.has(id)) {
        errors.push({
          file,
          message:
            `le programme « ${id} » n’existe pas en français (content/programmes/${id}.md) : donnez à ce fichier le nom ` +
            `d’un programme (${[...francais.keys()].join(', ')}) ou supprimez-le`,
        });
        continue;
      }
      const result = programmeTraduitSchema.safeParse(frontMatter(await readFile(path.join(dir, `${id}.md`), 'utf8')));
      const sensible = Boolean((francais.get(id) as { titre_historique?: string } | undefined)?.titre_historique);
      const probleme = !result.success
        ? {
            field: result.error.issues[0]?.path.join('.'),
            message:
              `en-tête à corriger (${result.error.issues[0]?.message ?? 'illisible'}) : titre, resume, pour_qui, ` +
              `ce_qui_est_propose, comment_participer, falc: { texte }, et traduction: { de: ${id}, statut: brouillon }`,
          }
        : result.data.traduction.de !== id
          ? { field: 'traduction.de', message: `ce fichier traduit le programme « ${id} » : écrivez de: ${id}` }
          : sensible && !result.data.titre_historique
            ? {
                field: 'titre_historique',
                message:
                  'la page en français est une page sensible : ajoutez titre_historique, son titre neutre traduit ' +
                  '(en anglais « Practical information »), que l’onglet et l’historique montreront',
              }
            : undefined;
      if (probleme) {
        parProgramme[id] = 'illisible';
        errors.push({ file, ...probleme });
        continue;
      }
      parProgramme[id] = result.data!.traduction.statut;
    }
    etats[l.code] = parProgramme;
  }
  return { etats, errors };
}

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
      const result = traductionSchema.safeParse(frontMatter(raw));
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

/** The problems and one warning per language with a page or programme summary missing or not yet proofread. */
export async function checkTraductions(contentDir: string): Promise<{ errors: ContentProblem[]; warnings: ContentProblem[] }> {
  // A copy of the content without a translations folder (a test's, an older one): nothing to say.
  if ((await readdir(path.join(contentDir, 'traductions')).catch(() => null)) === null) return { errors: [], warnings: [] };
  const [pages, programmes] = await Promise.all([etatDesTraductions(contentDir), etatDesProgrammesTraduits(contentDir)]);
  const errors = [...pages.errors, ...programmes.errors];
  const warnings: ContentProblem[] = [];
  for (const l of TRADUITES) {
    const e = pages.etats[l.code]!;
    const p = programmes.etats[l.code]!;
    const liste = (etat: EtatTraduction) => [
      ...PAGES.filter((page) => e[page] === etat).map((page) => `${page}.md`),
      ...Object.keys(p)
        .filter((id) => p[id] === etat)
        .map((id) => `programmes/${id}.md`),
    ];
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

/**
 * The translated pages (content/traductions/, issue 23) and their check (src/lib/content-checks/traductions-check.ts):
 * per language, what is missing or not yet proofread; a file naming another page is refused; the texts only dial the
 * site's emergency numbers.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { decapConfig } from '../../src/admin/decap-config.ts';
import { editorsGuide } from '../../src/admin/guide.ts';
import { PAGES_TRADUISIBLES, TRADUITES, cheminTraduit } from '../../src/i18n/languages.ts';
import { traductionSchema } from '../../src/schemas/traduction.ts';
import { checkTraductions, etatDesTraductions } from '../../src/lib/content-checks/traductions-check.ts';
import { URGENCES } from '../../src/lib/site/urgences.ts';
import { FORMULAIRES_EN_LANGUE, formulairesTraduits } from '../../src/i18n/formulaires/index.ts';
import { FORM_KEYS } from '../../src/schemas/forms/index.ts';

const CONTENT = fileURLToPath(new URL('../../content/', import.meta.url));
const PAGES = Object.keys(PAGES_TRADUISIBLES);
let tmp: string | undefined;
afterEach(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
  tmp = undefined;
});

const fichier = (de: string, statut: string) =>
  `---\ntitre: "T"\ndescription: "D"\ntraduction:\n  de: ${de}\n  ${statut}\n---\n\nTexte.\n`;

describe('the translated pages in content/', () => {
  it('give every language its home and help page, each a draft or proofread by a named role', async () => {
    const { etats, errors } = await etatDesTraductions(CONTENT);
    expect(errors).toEqual([]);
    for (const l of TRADUITES)
      for (const page of PAGES) expect(['brouillon', 'relue'], `${l.code} ${page}`).toContain(etats[l.code]![page as 'aide']);
  });

  it('dial only the site’s emergency numbers, as they are dialled', async () => {
    const liens = new Set(URGENCES.map((u) => u.lien));
    for (const l of TRADUITES)
      for (const page of PAGES) {
        const texte = await readFile(path.join(CONTENT, 'traductions', l.code, `${page}.md`), 'utf8');
        for (const [, lien] of texte.matchAll(/href="((?:tel|sms):[^"]*)"/g)) expect(liens, `${l.code} ${page}`).toContain(lien);
      }
  });
});

describe('the translations check', () => {
  it('lists per language what is missing and what is a draft, and refuses a file naming another page', async () => {
    tmp = await mkdtemp(path.join(tmpdir(), 'traductions-'));
    const dir = (code: string) => path.join(tmp!, 'traductions', code);
    await mkdir(dir('en'), { recursive: true });
    await mkdir(dir('ar'), { recursive: true });
    await writeFile(
      path.join(dir('en'), 'accueil.md'),
      fichier('accueil', 'statut: relue\n  relue_par: "médiatrice de l’accueil"'),
    );
    await writeFile(path.join(dir('ar'), 'accueil.md'), fichier('aide', 'statut: brouillon'));
    await writeFile(path.join(dir('ar'), 'aide.md'), fichier('aide', 'statut: brouillon'));

    const { etats } = await etatDesTraductions(tmp);
    expect(etats.en).toEqual({ accueil: 'relue', aide: 'manquante' });
    expect(etats.ar).toEqual({ accueil: 'illisible', aide: 'brouillon' });
    expect(etats.uk).toEqual({ accueil: 'manquante', aide: 'manquante' });

    const { errors, warnings } = await checkTraductions(tmp);
    expect(errors).toEqual([
      expect.objectContaining({
        file: 'content/traductions/ar/accueil.md',
        field: 'traduction.de',
        message: expect.stringContaining('de: accueil'),
      }),
    ]);
    const pour = (code: string) => warnings.find((w) => w.file === `content/traductions/${code}/`)?.message;
    expect(pour('en')).toMatch(/^traduction en anglais : manquantes : aide\.md \(la page en français reste la seule\)( ; |$)/);
    // The forms' words (src/i18n/formulaires/): those with none in the language, and its file while a draft.
    const sansMots = FORM_KEYS.filter((k) => !formulairesTraduits('en').includes(k));
    if (sansMots.length > 0) expect(pour('en')).toContain(`formulaires seulement en français : ${sansMots.join(', ')}`);
    expect(pour('en')?.includes('mots des formulaires en brouillon (src/i18n/formulaires/en.ts')).toBe(
      FORMULAIRES_EN_LANGUE.en.statut === 'brouillon',
    );
    expect(pour('ar')).toMatch(/^traduction en arabe : en brouillon : aide\.md \(.*le français et l’arabe/);
    expect(pour('prs')).toMatch(/^traduction en dari : manquantes : accueil\.md, aide\.md/);
    expect(warnings.every((w) => w.niveau === 'avertissement')).toBe(true);
  });

  it('a proofread file needs the role of who proofread it', async () => {
    tmp = await mkdtemp(path.join(tmpdir(), 'traductions-'));
    await mkdir(path.join(tmp, 'traductions', 'es'), { recursive: true });
    await writeFile(path.join(tmp, 'traductions', 'es', 'aide.md'), fichier('aide', 'statut: relue'));
    const { errors } = await checkTraductions(tmp);
    expect(errors.map((e) => e.file)).toEqual(['content/traductions/es/aide.md']);
  });

  it('says nothing about a copy of the content without translations', async () => {
    tmp = await mkdtemp(path.join(tmpdir(), 'traductions-'));
    expect(await checkTraductions(tmp)).toEqual({ errors: [], warnings: [] });
  });
});

describe('the visual editor and the guide', () => {
  it('offer every language’s home and help page, each with its page to preview', () => {
    const { collections } = decapConfig({ localBackend: '' }) as {
      collections: { name: string; files?: { file: string; preview_path: string }[] }[];
    };
    const files = collections.find((c) => c.name === 'traductions')!.files!;
    expect(files.map((f) => [f.file, f.preview_path])).toEqual(
      TRADUITES.flatMap((l) =>
        PAGES.map((p) => [`content/traductions/${l.code}/${p}.md`, cheminTraduit(p as 'aide', l).slice(1)]),
      ),
    );
  });

  it('give a template that passes the schema once copied', () => {
    const template = /### Traductions \(`content\/traductions\/<langue>\/`\)[\s\S]*?```markdown\n---\n([\s\S]*?)---/.exec(
      editorsGuide(),
    )![1];
    expect(traductionSchema.safeParse(parseYaml(template!)).error?.issues ?? []).toEqual([]);
  });
});

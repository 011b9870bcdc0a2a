/**
 * The programme summaries in other languages (issue 23): the words around them in every language, the summaries in
 * content/ (one per language and programme, each a draft or proofread by a named role), their content check (missing
 * and draft listed per language; a programme that does not exist, or a sensitive one without its neutral title,
 * refused in French), the visual editor's files and the guide's template.
 */
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { decapConfig } from '../../src/admin/decap-config.ts';
import { editorsGuide } from '../../src/admin/guide.ts';
import { LANGUES, TRADUITES } from '../../src/i18n/languages.ts';
import { TEXTES_PROGRAMMES } from '../../src/i18n/programmes.ts';
import { checkTraductions, etatDesProgrammesTraduits } from '../../src/lib/content-checks/traductions-check.ts';
import { programmeTraduitSchema } from '../../src/schemas/programme-traduit.ts';
import { entreeDuFichier, fichierDeLEntree } from '../../functions/editeur/routes.ts';

const CONTENT = fileURLToPath(new URL('../../content/', import.meta.url));
const PROGRAMMES = (await readdir(path.join(CONTENT, 'programmes'))).filter((f) => f.endsWith('.md')).map((f) => f.slice(0, -3));
let tmp: string | undefined;
afterEach(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
  tmp = undefined;
});

/** Every leaf of an object, as "path → value". */
const leaves = (value: unknown, at = ''): [string, unknown][] =>
  value && typeof value === 'object'
    ? Object.entries(value).flatMap(([k, v]) => leaves(v, at ? `${at}.${k}` : k))
    : [[at, value]];

describe('the words around a translated summary and offline page', () => {
  const french = leaves(TEXTES_PROGRAMMES.fr).map(([k]) => k);
  it.each(LANGUES.map((l) => [l.code]))('%s: every French key, none empty, the title placed once', (code) => {
    const own = leaves(TEXTES_PROGRAMMES[code as 'fr']);
    expect(own.map(([k]) => k)).toEqual(french);
    for (const [k, v] of own) expect(typeof v === 'string' && v.trim() !== '', `${code}: ${k}`).toBe(true);
    expect(TEXTES_PROGRAMMES[code as 'fr'].historique.split('{titre}')).toHaveLength(2);
  });
});

describe('the programme summaries in content/', () => {
  it('exist for every language and programme, each a draft or proofread by a named role', async () => {
    const { etats, errors } = await etatDesProgrammesTraduits(CONTENT);
    expect(errors).toEqual([]);
    for (const l of TRADUITES) {
      expect(Object.keys(etats[l.code]!).sort(), l.code).toEqual([...PROGRAMMES].sort());
      for (const id of PROGRAMMES) expect(['brouillon', 'relue'], `${l.code} ${id}`).toContain(etats[l.code]![id]);
    }
  });
});

const programme = (extra = '') => `---\ntitre: "T"\ntitre_court: "T"\nresume: "R"\n${extra}statut: proposition\n---\n\nTexte.\n`;
const resume = (de: string, extra = '', statut = 'statut: brouillon') =>
  `---\ntitre: "T"\n${extra}resume: "R"\npour_qui: "P"\nce_qui_est_propose:\n  - "C"\ncomment_participer: "C"\n` +
  `falc:\n  texte:\n    - "F"\ntraduction:\n  de: ${de}\n  ${statut}\n---\n`;

describe('the programme summaries’ check', () => {
  it('lists missing and draft summaries per language, refuses an unknown programme and a sensitive one untitled', async () => {
    tmp = await mkdtemp(path.join(tmpdir(), 'programmes-traduits-'));
    await mkdir(path.join(tmp, 'programmes'));
    await writeFile(path.join(tmp, 'programmes', 'fabrique.md'), programme());
    await writeFile(path.join(tmp, 'programmes', 'informations-pratiques.md'), programme('titre_historique: "Neutre"\n'));
    const dir = (code: string) => path.join(tmp!, 'traductions', code, 'programmes');
    for (const code of ['en', 'ar', 'es']) await mkdir(dir(code), { recursive: true });
    await writeFile(path.join(dir('en'), 'fabrique.md'), resume('fabrique', '', 'statut: relue\n  relue_par: "interprète"'));
    await writeFile(
      path.join(dir('en'), 'informations-pratiques.md'),
      resume('informations-pratiques', 'titre_historique: "Practical information"\n'),
    );
    await writeFile(path.join(dir('ar'), 'fabrique.md'), resume('fabrique'));
    await writeFile(path.join(dir('ar'), 'informations-pratiques.md'), resume('informations-pratiques'));
    await writeFile(path.join(dir('es'), 'lieu-femmes.md'), resume('lieu-femmes'));
    await writeFile(path.join(dir('es'), 'fabrique.md'), resume('informations-pratiques'));

    const { etats } = await etatDesProgrammesTraduits(tmp);
    expect(etats.en).toEqual({ fabrique: 'relue', 'informations-pratiques': 'brouillon' });
    expect(etats.ar).toEqual({ fabrique: 'brouillon', 'informations-pratiques': 'illisible' });
    expect(etats.uk).toEqual({ fabrique: 'manquante', 'informations-pratiques': 'manquante' });

    const { errors, warnings } = await checkTraductions(tmp);
    expect(errors).toEqual([
      expect.objectContaining({
        file: 'content/traductions/ar/programmes/informations-pratiques.md',
        field: 'titre_historique',
        message: expect.stringMatching(/^la page en français est une page sensible : ajoutez titre_historique/),
      }),
      {
        file: 'content/traductions/es/programmes/fabrique.md',
        field: 'traduction.de',
        message: 'ce fichier traduit le programme « fabrique » : écrivez de: fabrique',
      },
      {
        file: 'content/traductions/es/programmes/lieu-femmes.md',
        message:
          'le programme « lieu-femmes » n’existe pas en français (content/programmes/lieu-femmes.md) : donnez à ce ' +
          'fichier le nom d’un programme (fabrique, informations-pratiques) ou supprimez-le',
      },
    ]);
    const pour = (code: string) => warnings.filter((w) => w.file === `content/traductions/${code}/`).map((w) => w.message);
    expect(pour('en')).toEqual([
      expect.stringMatching(
        /^traduction en anglais : manquantes : accueil\.md, aide\.md .* ; en brouillon : programmes\/informations-pratiques\.md \(/,
      ),
    ]);
    expect(pour('uk')).toEqual([
      expect.stringContaining('manquantes : accueil.md, aide.md, programmes/fabrique.md, programmes/informations-pratiques.md'),
    ]);
    expect(pour('ar')).toEqual([expect.stringContaining('en brouillon : programmes/fabrique.md (')]);
  });

  it('refuses a summary whose front matter does not fit, naming the field', async () => {
    tmp = await mkdtemp(path.join(tmpdir(), 'programmes-traduits-'));
    await mkdir(path.join(tmp, 'programmes'));
    await writeFile(path.join(tmp, 'programmes', 'fabrique.md'), programme());
    await mkdir(path.join(tmp, 'traductions', 'pt', 'programmes'), { recursive: true });
    await writeFile(path.join(tmp, 'traductions', 'pt', 'programmes', 'fabrique.md'), resume('fabrique', '', 'statut: relue'));
    const { errors } = await checkTraductions(tmp);
    expect(errors).toEqual([
      expect.objectContaining({ file: 'content/traductions/pt/programmes/fabrique.md', field: 'traduction.relue_par' }),
    ]);
    expect(errors[0]!.message).toMatch(/^en-tête à corriger \(statut « relue » : notez qui a relu/);
  });
});

describe('the visual editor and the guide', () => {
  it('offer every language’s summary of every programme, each with its page to preview and its file in the history', () => {
    const { collections } = decapConfig({ localBackend: '' }) as {
      collections: { name: string; files?: { name: string; file: string; preview_path: string }[] }[];
    };
    const files = collections.find((c) => c.name === 'programmes-traduits')!.files!;
    expect(files.map((f) => [f.file, f.preview_path])).toEqual(
      TRADUITES.flatMap((l) =>
        [...PROGRAMMES].sort().map((id) => [`content/traductions/${l.code}/programmes/${id}.md`, `${l.code}/programmes/${id}/`]),
      ),
    );
    // The editor's server finds an entry from its file and back (functions/editeur/routes.ts).
    for (const f of files) {
      expect(entreeDuFichier(f.file)).toEqual({ collection: 'programmes-traduits', slug: f.name });
      expect(fichierDeLEntree('programmes-traduits', f.name)).toBe(f.file);
    }
  });

  it('give a template that passes the schema once copied', () => {
    const template =
      /### Programmes traduits \(`content\/traductions\/<langue>\/programmes\/`\)[\s\S]*?```markdown\n---\n([\s\S]*?)---/.exec(
        editorsGuide(),
      )![1];
    expect(programmeTraduitSchema.safeParse(parseYaml(template!)).error?.issues ?? []).toEqual([]);
  });
});

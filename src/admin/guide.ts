/**
 * The editors' guide, generated from the same schemas and metadata as /admin/ (`npm run guide` writes
 * content/GUIDE-EDITEURS.md; a unit test fails when it is out of date). For each collection: what it is for,
 * every field (label, required, format, example, hint), a template to copy; then the common tasks.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { stringify } from 'yaml';
import { decapConfig, type DecapField } from './decap-config.ts';
import { mapsFromLists } from './map-fields.ts';

type EditorCollection = {
  name: string;
  label: string;
  folder?: string;
  fields?: DecapField[];
  files?: { file: string; fields: DecapField[] }[];
};

/** What each collection is for, in editors' words. */
const PURPOSE: Record<string, string> = {
  quartiers: 'Les 12 quartiers de Rennes : une page par quartier, avec ses référents, ses lieux et ses activités.',
  organisations: 'Les organisations citées (Ville, MDPH, associations) : nommées sur les pages et dans les données ouvertes.',
  lieux:
    'Les lieux où se tiennent permanences, formations et activités : adresse, accessibilité, horaires, fermetures exceptionnelles.',
  referents:
    'Les référents handicap et inclusion : une fiche par personne (ou par poste ouvert), affichée sur la page de son quartier avec ses permanences.',
  formations: 'Les formations conjointes avec la MDPH et leurs sessions datées, avec le formulaire d’inscription.',
  activites: 'Les activités de loisirs partagés, avec le formulaire d’inscription.',
  programmes: 'Les six programmes de la Fabrique, avec leur résumé « facile à lire » (FALC).',
  pages: 'Les pages institutionnelles : mentions légales, données personnelles, déclaration d’accessibilité.',
  vocabulaire: 'Les mots des habitants que la recherche du site comprend, et la page où ils mènent.',
  'quartiers-noms': 'Les noms familiers de lieux (stations, parcs, ensembles) qui mènent la recherche au bon quartier.',
  formulaires: 'Les réglages de chaque formulaire : ouvert ou fermé, destinataires, conservation des envois.',
  traductions:
    'Les pages traduites : l’accueil et la page d’aide de chaque langue (`accueil.md`, `aide.md`), brouillons jusqu’à leur relecture.',
  'programmes-traduits':
    'Le résumé de chaque programme dans chaque langue (un fichier du nom du programme en français), brouillon jusqu’à sa relecture.',
};

/** Where the collections of several files per language live. */
const DOSSIERS: Record<string, string> = {
  traductions: 'content/traductions/<langue>',
  'programmes-traduits': 'content/traductions/<langue>/programmes',
};

function format(f: DecapField): string {
  if (f.widget === 'relation')
    return `${f.multiple ? 'liste d’identifiants' : 'identifiant'} d’une fiche de content/${f.collection}/`;
  if (f.widget === 'select') return `${f.multiple ? 'liste parmi' : 'un choix parmi'} : ${(f.options ?? []).join(', ')}`;
  if (f.widget === 'datetime') return 'date AAAA-MM-JJ';
  if (f.widget === 'boolean') return 'true (oui) ou false (non)';
  if (f.widget === 'number') return f.value_type === 'int' ? 'nombre entier' : 'nombre';
  if (f.widget === 'list') return f.fields ? 'liste d’éléments (voir ci-dessous)' : `liste, chaque élément : ${format(f.field!)}`;
  if (f.widget === 'object') return 'groupe de champs (voir ci-dessous)';
  if (f.pattern) return `texte de la forme ${f.pattern[0]}`;
  return f.widget === 'text' ? 'texte long' : f.widget === 'markdown' ? 'texte (Markdown)' : 'texte';
}

const MOIS = Array.from({ length: 12 }, (_, m) =>
  new Intl.DateTimeFormat('fr-FR', { month: 'long', timeZone: 'UTC' }).format(Date.UTC(2026, m, 1)),
);

/**
 * A field's hint as a file's writer needs it: the editor shows a date's example in words (« 20 novembre 2026 »),
 * a file holds it as AAAA-MM-JJ.
 */
function hintDuFichier(f: DecapField): string {
  if (f.widget !== 'datetime' || !f.hint) return f.hint ?? '';
  return f.hint.replace(/Exemple : (1er|\d{1,2}) (\p{L}+) (\d{4})$/u, (all, jour: string, mois: string, an: string) => {
    const m = MOIS.indexOf(mois) + 1;
    if (m === 0) return all;
    const j = jour === '1er' ? 1 : Number(jour);
    return `Exemple : ${an}-${String(m).padStart(2, '0')}-${String(j).padStart(2, '0')}`;
  });
}

function fieldRows(fields: DecapField[], prefix = ''): string[] {
  return fields.flatMap((f) => {
    const at = `${prefix}${f.name}`;
    const row = `| \`${at}\` | ${f.label} | ${f.required === false ? 'non' : '**oui**'} | ${format(f)} | ${hintDuFichier(f).replaceAll('|', '\\|')} |`;
    return [row, ...fieldRows(f.fields ?? [], `${at}${f.widget === 'list' ? '[].' : '.'}`)];
  });
}

/** A template: every field, with the example or a placeholder, in the order the site expects. */
function template(fields: DecapField[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    if (f.name === 'body') continue;
    const example = /Exemple : (.+)$/.exec(hintDuFichier(f))?.[1];
    if (f.widget === 'object') out[f.name] = template(f.fields ?? []);
    else if (f.widget === 'list')
      out[f.name] = f.fields
        ? [template(f.fields)]
        : (example?.split(', ') ?? ['…']).map((v) => (f.field?.widget === 'number' ? Number(v) : v));
    else if (f.widget === 'select') {
      // The field's example when it is a choice (a permanence's day goes with its cancelled dates' example).
      const choice = example !== undefined && f.options?.map(String).includes(example) ? example : f.options?.[0];
      out[f.name] = f.multiple ? [choice] : choice;
    } else if (f.widget === 'boolean') out[f.name] = f.default ?? false;
    else if (f.widget === 'number') out[f.name] = example ? Number(example) : 1;
    else if (f.widget === 'relation') out[f.name] = f.multiple ? [firstId(f.collection!)] : firstId(f.collection!);
    else out[f.name] = example ?? (f.widget === 'datetime' ? '2026-11-20' : '…');
  }
  return out;
}

/** A real id of the collection, so the template passes the check once copied. */
function firstId(collection: string): string {
  const files = readdirSync(new URL(`../../content/${collection}/`, import.meta.url)).filter((f) => f.endsWith('.md'));
  return files.sort()[0]?.replace(/\.md$/, '') ?? 'identifiant';
}

const TASKS = readFileSync(new URL('./guide-taches.md', import.meta.url), 'utf8');
const CHOICE = readFileSync(new URL('./choix-du-cms.md', import.meta.url), 'utf8');

export function editorsGuide(): string {
  const { collections } = decapConfig({ localBackend: '' }) as { collections: EditorCollection[] };
  const parts = [
    '# Guide des éditeurs du site',
    '',
    '<!-- Généré par `npm run guide` depuis src/schemas/ et src/admin/ : ne pas modifier à la main. -->',
    '',
    'Ce guide dit comment tenir à jour le site de la Fabrique rennaise des solidarités, sans lire de code. On modifie le site',
    'avec l’éditeur visuel `/admin/`, ou en écrivant les fichiers de `content/` ; dans les deux cas, `npm run check:content`',
    'vérifie tout et dit, pour chaque erreur, le fichier, la ligne, le champ, ce qui est attendu et un exemple.',
    '',
    TASKS.trim(),
    '',
    '## Les fiches, champ par champ',
    '',
  ];
  for (const c of collections) {
    const fields = c.fields ?? c.files?.[0]?.fields ?? [];
    // Translations are Markdown files, one folder per language; form settings are YAML files.
    const markdown = !c.files || c.name === 'traductions' || c.name === 'programmes-traduits';
    const folder = c.folder ?? DOSSIERS[c.name] ?? 'content/formulaires';
    parts.push(`### ${c.label} (\`${folder}/\`)`, '', PURPOSE[c.name] ?? '', '');
    parts.push('| champ | nom dans l’éditeur | obligatoire | format | aide et exemple |', '| --- | --- | --- | --- | --- |');
    parts.push(...fieldRows(fields), '');
    parts.push('Modèle à copier :', '', markdown ? '```markdown' : '```yaml');
    parts.push(
      markdown
        ? `---\n${stringify(template(fields)).trim()}\n---\n\nLe texte de la page.`
        : // A form's maps are lists in the editor, maps in the file (map-fields.ts).
          stringify(mapsFromLists(template(fields))).trim(),
    );
    parts.push('```', '');
  }
  parts.push(CHOICE.replace(/^# /m, '## ').trim(), '');
  return parts.join('\n');
}

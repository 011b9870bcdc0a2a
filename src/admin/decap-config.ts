/**
 * The Decap CMS configuration of /admin/, generated from the zod schemas: one editor collection per
 * content collection, one field per schema field, with the French label, hint and example the schema
 * carries as metadata (`.meta({ titre, aide, exemple })`), the required flag, choices, patterns and
 * relation widgets for the fields that name another entry.
 */
import { readdirSync } from 'node:fs';
import { z } from 'zod';
import { collections, type CollectionName, type Reference } from '../schemas/index.ts';
import { PAGES_TRADUISIBLES, TRADUITES, cheminTraduit, type PageTraduisible } from '../i18n/languages.ts';
import { traductionSchema } from '../schemas/traduction.ts';
import { programmeTraduitSchema } from '../schemas/programme-traduit.ts';
import { isFormKey, forms } from '../schemas/forms/index.ts';
import { formSettingsSchema, mustBeSealed } from '../schemas/forms/settings.ts';
import { formatExample, type FieldMeta } from '../lib/content-checks/field-meta.ts';
import { formatDate } from '../lib/time/dates.ts';
import { MAP_FIELDS } from './map-fields.ts';

export type DecapField = {
  name: string;
  label: string;
  widget: string;
  required?: boolean;
  hint?: string;
  default?: unknown;
  options?: (string | number)[];
  multiple?: boolean;
  collapsed?: boolean;
  pattern?: [string, string];
  fields?: DecapField[];
  field?: DecapField;
  collection?: string;
  value_field?: string;
  search_fields?: string[];
  display_fields?: string[];
  value_type?: 'int' | 'float';
  min?: number;
  max?: number;
  format?: string;
  date_format?: string;
  time_format?: boolean;
  /** A list item's one-line summary when folded (Decap template over `fields.*`). */
  summary?: string;
  /** A list's name for one item: « 1 langue parlée », « Ajouter permanence » (Decap wrote « 1 langues parlées »). */
  label_singular?: string;
};

/** A folded list item says what it is: its date or day, its time, its place, its name (the fields it has). */
const ITEM_SUMMARY = ['date', 'jour', 'creneau', 'lieu', 'nom', 'mot'];

/**
 * What the list of a collection shows for each entry, and what it can be sorted by (issue 22, item 6): a name an
 * editor recognises, never a file name alone (« Claire P. · le-blosne »), and a referent post still open says so.
 */
const LIST_VIEW: Partial<Record<CollectionName, { summary: string; sortable_fields: string[] }>> = {
  referents: { summary: '{{prenom}} · {{quartier}} · {{statut}}', sortable_fields: ['quartier', 'prenom', 'verifie_le'] },
  lieux: { summary: '{{nom}} · {{quartier}}', sortable_fields: ['nom', 'quartier', 'verifie_le'] },
  activites: { summary: '{{titre}} · {{quartier}}', sortable_fields: ['titre', 'quartier'] },
  formations: { summary: '{{titre}}', sortable_fields: ['titre'] },
  vocabulaire: { summary: '{{page}}', sortable_fields: ['page'] },
  'quartiers-noms': { summary: '{{quartier}}', sortable_fields: ['quartier'] },
};

/** The field Decap names an entry by where the collection has no `titre` (a referent is named by its quartier). */
const IDENTIFIER: Partial<Record<CollectionName, string>> = {
  referents: 'quartier',
  vocabulaire: 'page',
  'quartiers-noms': 'quartier',
};

/** The field a relation widget shows and searches, per collection. */
const TITLE_FIELD: Partial<Record<CollectionName, string>> = { quartiers: 'nom', lieux: 'nom', organisations: 'nom' };

type Def = { type: string; [k: string]: unknown };
const def = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;
const metaOf = (s: z.ZodType): FieldMeta => (z.globalRegistry.get(s) as FieldMeta | undefined) ?? {};

/** Strips optional/default wrappers: the inner schema, whether a value is required, the default. */
export function unwrap(schema: z.ZodType): { inner: z.ZodType; required: boolean; fallback?: unknown; meta: FieldMeta } {
  let s = schema;
  let required = true;
  let fallback: unknown;
  let meta: FieldMeta = metaOf(s);
  for (;;) {
    const d = def(s);
    if (d.type === 'optional' || d.type === 'nullable') required = false;
    else if (d.type === 'default') {
      required = false;
      fallback = d.defaultValue;
    } else break;
    s = d.innerType as z.ZodType;
    meta = { ...metaOf(s), ...meta };
  }
  return { inner: s, required, fallback, meta };
}

type Check = { _zod: { def: { format?: string; pattern?: RegExp; error?: (issue: unknown) => unknown } } };

/**
 * The regex a string schema must match, if any, with the schema's own French message: a regex check
 * (`.regex(…)`) or a string format that carries one (`z.email()`).
 */
export function patternOf(s: z.ZodType): { regex: RegExp; message?: string } | undefined {
  const d = def(s) as Def & Check['_zod']['def'];
  const checks = (d.checks as Check[] | undefined) ?? [];
  const found = checks.map((c) => c._zod.def).find((c) => c.format === 'regex' && c.pattern) ?? (d.pattern ? d : undefined);
  if (!found?.pattern) return undefined;
  return { regex: found.pattern, message: editorMessage(found.error) };
}

// The schema's message without the echo of the value typed: the editor shows it under the field.
const TYPED = '\u0000';
function editorMessage(error: ((issue: unknown) => unknown) | undefined): string | undefined {
  const said = error?.({ code: 'invalid_format', format: 'regex', input: TYPED });
  const text = typeof said === 'string' ? said : (said as { message?: string } | undefined)?.message;
  return text?.replace(new RegExp(`\\s*« ${TYPED} »\\s*[;,]?`), '').trim();
}

/** The French message of an editor pattern: the schema's, or the field's example (never the expression). */
function patternMessage(message: string | undefined, meta: FieldMeta): string {
  if (message) return message;
  return meta.exemple !== undefined ? `format attendu, par exemple ${formatExample(meta.exemple)}` : 'format à vérifier';
}

/** dateIso (common.ts): text AAAA-MM-JJ after a preprocess; other preprocessed fields (lieu.ts `constat`) end in an enum. */
const isDate = (s: z.ZodType) =>
  def(s).type === 'pipe' && def(def(s).in as z.ZodType).type === 'transform' && def(def(s).out as z.ZodType).type === 'string';

const DATE = { widget: 'datetime', format: 'YYYY-MM-DD', date_format: 'DD/MM/YYYY', time_format: false } as const;

function relation(collection: string, multiple: boolean): Partial<DecapField> {
  const title = TITLE_FIELD[collection as CollectionName] ?? 'titre';
  return {
    widget: 'relation',
    collection,
    value_field: '{{slug}}',
    search_fields: [title],
    display_fields: [title],
    ...(multiple ? { multiple: true } : {}),
  };
}

/** One editor field for one schema field; `at` is its dotted path (`[]` for array items) to find references. */
export function decapField(name: string, schema: z.ZodType, references: readonly Reference[], at: string): DecapField {
  const { inner, required, fallback, meta } = unwrap(schema);
  const base: DecapField = { name, label: meta.titre ?? name, widget: 'string', required };
  // A date's example day first, in words (« 20 novembre 2026 »), as the site writes dates.
  const exemple =
    meta.exemple === undefined
      ? ''
      : isDate(inner) && typeof meta.exemple === 'string'
        ? formatDate(meta.exemple)
        : formatExample(meta.exemple);
  if (meta.aide || meta.exemple !== undefined)
    base.hint = [meta.aide, exemple ? `Exemple : ${exemple}` : ''].filter(Boolean).join(' ');
  // An empty list needs no default: Decap would write it first, out of the schema's order.
  if (fallback !== undefined && !(Array.isArray(fallback) && fallback.length === 0)) base.default = fallback;
  const field: DecapField = { ...base, ...widgetFor(inner, references, at, meta) };
  if (field.widget === 'list') field.label_singular = singulier(field.label);
  return field;
}

function widgetFor(s: z.ZodType, references: readonly Reference[], at: string, meta: FieldMeta): Partial<DecapField> {
  const d = def(s);
  const ref = references.find((r) => r.path === at);
  if (ref) return relation(ref.collection, false);
  if (isDate(s)) return DATE;
  switch (d.type) {
    case 'string': {
      const found = patternOf(s);
      return {
        widget: meta.long ? 'text' : 'string',
        ...(found ? { pattern: [found.regex.source, patternMessage(found.message, meta)] } : {}),
      };
    }
    case 'enum':
      return { widget: 'select', options: Object.values(d.entries as Record<string, string>) };
    case 'boolean':
      return { widget: 'boolean' };
    case 'number':
      return { widget: 'number', value_type: (d.format as string | undefined)?.includes('int') ? 'int' : 'float' };
    case 'object':
      return { widget: 'object', fields: objectFields(s, references, at) };
    case 'pipe':
      return widgetFor(d.out as z.ZodType, references, at, meta);
    case 'record': {
      // A form's maps (map-fields.ts): a list of two-field items in the editor, the same map in the file.
      const map = MAP_FIELDS[at];
      if (!map) return { widget: 'string' };
      const part = (p: typeof map.key, schema: z.ZodType): DecapField => {
        const field = decapField(p.name, schema, references, `${at}[].${p.name}`);
        const hint = [p.aide, p.exemple && `Exemple : ${p.exemple}`].filter(Boolean).join(' ');
        return {
          ...field,
          label: p.titre,
          required: true,
          ...(hint ? { hint } : {}),
          ...(p.element && field.field ? { field: { ...field.field, label: p.element } } : {}),
          ...(p.collection ? relation(p.collection, false) : {}),
        };
      };
      return {
        label: map.titre,
        hint: map.aide,
        widget: 'list',
        collapsed: false,
        fields: [part(map.key, d.keyType as z.ZodType), part(map.value, d.valueType as z.ZodType)],
        summary: `{{fields.${map.key.name}}}`,
      };
    }
    case 'array': {
      const element = d.element as z.ZodType;
      const itemRef = references.find((r) => r.path === `${at}[]`);
      if (itemRef) return relation(itemRef.collection, true);
      const item = unwrap(element).inner;
      if (def(item).type === 'enum')
        return { widget: 'select', multiple: true, options: Object.values(def(item).entries as Record<string, string>) };
      // Lists open: an editor sees every value without unfolding each item.
      if (def(item).type === 'object') {
        const fields = objectFields(item, references, `${at}[]`);
        const named = ITEM_SUMMARY.filter((n) => fields.some((f) => f.name === n));
        return {
          widget: 'list',
          collapsed: false,
          fields,
          ...(named.length ? { summary: named.map((n) => `{{fields.${n}}}`).join(' · ') } : {}),
        };
      }
      const one = decapField('valeur', element, references, `${at}[]`);
      return { widget: 'list', collapsed: false, field: { ...one, label: unwrap(element).meta.titre ?? 'Élément' } };
    }
    default:
      return { widget: 'string' };
  }
}

const MOTS_DE_LIAISON = /^(du|de|des|d’|d'|à|au|aux|en|par|pour|sur)$/i;

/** A list's title for one item: each word before the first « du », « de »… loses its plural (« Dates annulées » → « Date annulée »). */
export function singulier(titre: string): string {
  let liaison = false;
  return titre
    .split(' ')
    .map((mot) => {
      liaison ||= MOTS_DE_LIAISON.test(mot) || /^d[’']/.test(mot);
      return liaison ? mot : mot.replace(/(?<=\p{L}{2})[sx]$/u, '');
    })
    .join(' ');
}

/** The fields of an object schema, in the schema's order (the order editors write them in). */
export function objectFields(schema: z.ZodType, references: readonly Reference[] = [], prefix = ''): DecapField[] {
  const shape = def(unwrap(schema).inner).shape as Record<string, z.ZodType>;
  return Object.entries(shape)
    .filter(([name]) => !UNEDITABLE.has(name))
    .map(([name, field]) => decapField(name, field, references, prefix ? `${prefix}.${name}` : name));
}

/**
 * Fields the editor cannot render faithfully; they stay in the file and are edited by hand. None today: the form
 * settings' maps are lists in the editor (map-fields.ts).
 */
export const UNEDITABLE: ReadonlySet<string> = new Set<string>();

const COLLECTION_LABELS: Record<CollectionName, [string, string]> = {
  quartiers: ['Quartiers', 'Quartier'],
  organisations: ['Organisations', 'Organisation'],
  lieux: ['Lieux', 'Lieu'],
  referents: ['Référents handicap et inclusion', 'Référent'],
  formations: ['Formations', 'Formation'],
  activites: ['Activités de loisirs', 'Activité'],
  programmes: ['Programmes', 'Programme'],
  pages: ['Pages', 'Page'],
  vocabulaire: ['Mots des habitants (recherche)', 'Mots'],
  'quartiers-noms': ['Noms de lieux des quartiers (recherche)', 'Noms de lieux'],
};

/**
 * Where each entry appears on the site, as Decap templates (`{{slug}}` is the file name): the editor's
 * « Voir en direct » button opens that page. The same pages as `suivi` (schemas/index.ts), checked by a test.
 */
export const PREVIEW_PATH: Record<CollectionName, string> = {
  quartiers: 'quartiers/{{slug}}/',
  organisations: 'donnees/',
  lieux: 'lieux/{{slug}}/',
  referents: 'quartiers/{{fields.quartier}}/',
  formations: 'formations/{{slug}}/',
  activites: 'activites/{{slug}}/',
  programmes: 'programmes/{{slug}}/',
  pages: '{{slug}}/',
  vocabulaire: 'recherche/',
  'quartiers-noms': 'recherche/',
};

export type ConfigOptions = {
  /** The files of content/formulaires/. */
  formKeys?: string[];
  /** decap-server's address when it is not http://localhost:8081/api/v1 (FABRIQUE_ADMIN_LOCAL_BACKEND). */
  localBackend?: string;
  /** The site the « Voir en direct » button opens: the built site's address (SITE_URL, as astro.config.mjs). */
  siteUrl?: string;
  /**
   * Whether the « Réglages des formulaires » collection is offered (recipients, team keys): true by default; the
   * Node server's editor gives it to administrators only.
   */
  reglagesFormulaires?: boolean;
  /**
   * The editor served by the project's own Node server (functions/editeur/): Decap's proxy backend on the same
   * origin, drafts and review (editorial workflow), commits in the content repository's `branche`.
   */
  serveur?: { branche: string };
};

/** Commit messages in French: they are the entries' history (functions/editeur/historique.ts). */
const COMMIT_MESSAGES = {
  create: 'Création : {{collection}} « {{slug}} »',
  update: 'Modification : {{collection}} « {{slug}} »',
  delete: 'Suppression : {{collection}} « {{slug}} »',
  uploadMedia: 'Ajout du fichier « {{path}} »',
  deleteMedia: 'Suppression du fichier « {{path}} »',
};

/** The whole configuration (config.yml of /admin/). */
export function decapConfig({
  formKeys = listFormKeys(),
  localBackend = process.env.FABRIQUE_ADMIN_LOCAL_BACKEND,
  siteUrl = process.env.SITE_URL ?? 'http://localhost:4321',
  reglagesFormulaires = true,
  serveur,
}: ConfigOptions = {}): Record<string, unknown> {
  const backend = serveur
    ? {
        backend: { name: 'proxy', proxy_url: '/admin/api/v1', branch: serveur.branche, commit_messages: COMMIT_MESSAGES },
        publish_mode: 'editorial_workflow',
      }
    : {
        // Production: the git host's sign-in (see the guide). On the editor's machine: `npx decap-server`.
        backend: { ...productionBackend(), commit_messages: COMMIT_MESSAGES },
        local_backend: localBackend ? { url: localBackend, allowed_hosts: ['localhost', '127.0.0.1'] } : true,
        publish_mode: 'simple',
      };
  return {
    locale: 'fr',
    // « Voir en direct » on a saved entry opens its page there: on the editor's machine, the site that
    // `npm run preview:content` has just built with the change; online, the published site once rebuilt.
    site_url: siteUrl,
    display_url: siteUrl,
    ...backend,
    media_folder: 'public/images',
    public_folder: '/images',
    // File names editors get: lowercase ASCII, no accents, dashes (the content check demands the same).
    slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' },
    collections: [
      ...(Object.entries(collections) as [CollectionName, (typeof collections)[CollectionName]][]).map(
        ([name, { schema, references }]) => ({
          name,
          label: COLLECTION_LABELS[name][0],
          label_singular: COLLECTION_LABELS[name][1],
          folder: `content/${name}`,
          extension: 'md',
          // Decap's front matter, written back into the file as it was (src/admin/keep-format.ts).
          format: 'fabrique-frontmatter',
          create: true,
          identifier_field: TITLE_FIELD[name] ?? IDENTIFIER[name] ?? 'titre',
          ...LIST_VIEW[name],
          // File names from the title, in ASCII (see `slug` above); a referent's from the quartier and first name.
          slug: name === 'referents' ? '{{quartier}}-{{prenom}}' : '{{slug}}',
          preview_path: PREVIEW_PATH[name],
          fields: [
            ...objectFields(schema as z.ZodType, references),
            { name: 'body', label: 'Texte de la page', widget: 'markdown', required: false },
          ],
        }),
      ),
      // Translated pages (issue 23): one file per language and page, the draft or proofread status with it.
      {
        name: 'traductions',
        format: 'fabrique-frontmatter',
        label: 'Traductions',
        label_singular: 'Traduction',
        files: TRADUITES.flatMap((l) =>
          (Object.keys(PAGES_TRADUISIBLES) as PageTraduisible[]).map((page) => ({
            name: `${l.code}-${page}`,
            label: `${new Intl.DisplayNames(['fr'], { type: 'language' }).of(l.tag)} (${l.nom}) : ${page === 'accueil' ? 'accueil' : 'page d’aide'}`,
            file: `content/traductions/${l.code}/${page}.md`,
            preview_path: cheminTraduit(page, l).slice(1),
            fields: [
              ...objectFields(traductionSchema),
              { name: 'body', label: 'Texte de la page', widget: 'markdown', required: false },
            ],
          })),
        ),
      },
      // Programme summaries per language (issue 23): one file per language and French programme, as the pages above.
      {
        name: 'programmes-traduits',
        format: 'fabrique-frontmatter',
        label: 'Programmes traduits',
        label_singular: 'Programme traduit',
        files: TRADUITES.flatMap((l) =>
          listProgrammes().map((id) => ({
            name: `${l.code}-${id}`,
            label: `${new Intl.DisplayNames(['fr'], { type: 'language' }).of(l.tag)} (${l.nom}) : programme « ${id} »`,
            file: `content/traductions/${l.code}/programmes/${id}.md`,
            preview_path: `${l.code}/programmes/${id}/`,
            fields: objectFields(programmeTraduitSchema),
          })),
        ),
      },
      ...(reglagesFormulaires ? [formSettingsCollection(formKeys)] : []),
    ],
  };
}

/** The « Réglages des formulaires » collection: one file per form of content/formulaires/. */
function formSettingsCollection(formKeys: string[]): Record<string, unknown> {
  return {
    name: 'formulaires',
    // The settings' comments (what each one means, the example key's warning) stay when the editor saves.
    format: 'fabrique-yaml',
    label: 'Réglages des formulaires',
    label_singular: 'Réglages',
    files: formKeys.map((key) => ({
      name: key,
      label: `Formulaire « ${key} »`,
      file: `content/formulaires/${key}.yaml`,
      preview_path: `formulaires/${key}/`,
      fields: formSettingsFields(key),
    })),
  };
}

/**
 * A form's settings fields. A form that must be sealed (settings.ts, mustBeSealed) cannot be saved without its
 * team key: the editor asks for it as the check does, instead of « (optionnel) ».
 */
export function formSettingsFields(key: string): DecapField[] {
  const fields = objectFields(formSettingsSchema);
  if (!isFormKey(key) || !mustBeSealed(forms[key])) return fields;
  return fields.map((f) =>
    f.name === 'cle_equipe'
      ? { ...f, required: true, hint: `Obligatoire : ce formulaire recueille des données sensibles. ${f.hint ?? ''}`.trim() }
      : f,
  );
}

/**
 * The git host editors sign in to, from the build's environment (guide, « Mise en service »): by default a
 * GitLab with PKCE sign-in, which needs no server of ours. Without FABRIQUE_ADMIN_REPO only the local
 * backend (decap-server) works.
 */
export function productionBackend(env: Record<string, string | undefined> = process.env): Record<string, unknown> {
  const name = env.FABRIQUE_ADMIN_BACKEND ?? 'gitlab';
  return {
    name,
    repo: env.FABRIQUE_ADMIN_REPO ?? 'a-configurer/fabrique-solidarites',
    branch: env.FABRIQUE_ADMIN_BRANCH ?? 'main',
    ...(name === 'gitlab' || name === 'gitea' ? { auth_type: 'pkce' } : {}),
    ...(env.FABRIQUE_ADMIN_APP_ID ? { app_id: env.FABRIQUE_ADMIN_APP_ID } : {}),
    ...(env.FABRIQUE_ADMIN_GIT_URL
      ? {
          base_url: env.FABRIQUE_ADMIN_GIT_URL,
          api_root: `${env.FABRIQUE_ADMIN_GIT_URL.replace(/\/$/, '')}/api/${name === 'gitea' ? 'v1' : 'v4'}`,
        }
      : {}),
  };
}

/** The French programmes (content/programmes/), each of which may have a summary in every language. */
function listProgrammes(): string[] {
  return readdirSync(new URL('../../content/programmes/', import.meta.url))
    .filter((f) => f.endsWith('.md'))
    .map((f) => f.replace(/\.md$/, ''))
    .sort();
}

function listFormKeys(): string[] {
  const dir = new URL('../../content/formulaires/', import.meta.url);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.replace(/\.yaml$/, ''))
    .sort();
}

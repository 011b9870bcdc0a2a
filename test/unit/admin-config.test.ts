/**
 * The /admin/ editor configuration is generated from the zod schemas: every schema field must appear
 * in it, at every depth, with the same required flag, choices and relation, and nothing else. The
 * schemas are walked here with zod's public API, independently of the generator.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { decapConfig, PREVIEW_PATH, UNEDITABLE, type DecapField } from '../../src/admin/decap-config.ts';
import { checkContent } from '../../src/lib/content-checks/content-check.ts';
import { collections, suivi } from '../../src/schemas/index.ts';
import { formSettingsSchema, mustBeSealed } from '../../src/schemas/forms/settings.ts';
import { forms, isFormKey } from '../../src/schemas/forms/index.ts';

type Expected = {
  required: boolean;
  options?: unknown[];
  relation?: string;
  multiple?: boolean;
  children?: Map<string, Expected>;
};

function strip(s: z.ZodType): { inner: z.ZodType; required: boolean } {
  if (s instanceof z.ZodOptional) return { ...strip(s.unwrap() as z.ZodType), required: false };
  if (s instanceof z.ZodDefault) return { ...strip(s.unwrap() as z.ZodType), required: false };
  return { inner: s, required: true };
}

/** What the editor must offer for each field of an object schema. */
function expected(schema: z.ZodType, refs: readonly { path: string; collection: string }[], prefix = ''): Map<string, Expected> {
  const out = new Map<string, Expected>();
  for (const [name, field] of Object.entries((strip(schema).inner as z.ZodObject).shape)) {
    if (UNEDITABLE.has(name)) continue;
    const at = prefix ? `${prefix}.${name}` : name;
    const { inner, required } = strip(field as z.ZodType);
    const e: Expected = { required };
    const ref = refs.find((r) => r.path === at || r.path === `${at}[]`);
    if (ref) Object.assign(e, { relation: ref.collection, multiple: ref.path.endsWith('[]') });
    else if (inner instanceof z.ZodEnum) e.options = inner.options;
    else if (inner instanceof z.ZodObject) e.children = expected(inner, refs, at);
    else if (inner instanceof z.ZodArray) {
      const item = strip(inner.element as z.ZodType).inner;
      if (item instanceof z.ZodEnum) Object.assign(e, { options: item.options, multiple: true });
      if (item instanceof z.ZodObject) e.children = expected(item, refs, `${at}[]`);
    }
    out.set(name, e);
  }
  return out;
}

/** Every difference between the schema's fields and the editor's, as readable lines. */
function differences(want: Map<string, Expected>, fields: DecapField[], where: string): string[] {
  const diffs: string[] = [];
  const got = new Map(fields.filter((f) => f.name !== 'body').map((f) => [f.name, f]));
  for (const [name, e] of want) {
    const f = got.get(name);
    const at = `${where}.${name}`;
    if (!f) {
      diffs.push(`${at}: missing from the editor`);
      continue;
    }
    if ((f.required ?? true) !== e.required) diffs.push(`${at}: required ${String(f.required)} instead of ${e.required}`);
    if (e.relation && (f.widget !== 'relation' || f.collection !== e.relation || Boolean(f.multiple) !== e.multiple))
      diffs.push(`${at}: not a relation to ${e.relation}`);
    if (e.options && JSON.stringify(f.options) !== JSON.stringify(e.options))
      diffs.push(`${at}: choices ${JSON.stringify(f.options)}`);
    if (e.children) diffs.push(...differences(e.children, f.fields ?? [], at));
  }
  for (const name of got.keys()) if (!want.has(name)) diffs.push(`${where}.${name}: in the editor but not in the schema`);
  return diffs;
}

const config = decapConfig() as {
  slug: Record<string, unknown>;
  collections: { name: string; fields?: DecapField[]; files?: { name: string; file: string; fields: DecapField[] }[] }[];
};
const editorCollection = (name: string) => config.collections.find((c) => c.name === name)!;

/** Every field with its path, at every depth, list items included. */
function allFields(fields: DecapField[], prefix: string): [string, DecapField][] {
  return fields.flatMap((f) => [
    [`${prefix}.${f.name}`, f] as [string, DecapField],
    ...allFields([...(f.fields ?? []), ...(f.field ? [f.field] : [])], `${prefix}.${f.name}`),
  ]);
}

/** Every field of every collection and of every form's settings. */
const everyField = () =>
  config.collections.flatMap((c) =>
    c.fields ? allFields(c.fields, c.name) : c.files!.flatMap((f) => allFields(f.fields, `${c.name}/${f.name}`)),
  );

/** Fields the editor shows under their code name, or under the generator's stand-in for an unnamed list item. */
const unlabelled = (fields: [string, DecapField][]) =>
  fields.filter(([, f]) => f.label === f.name || f.label === 'Élément').map(([at]) => at);

describe('/admin/ configuration generated from the schemas', () => {
  it.each(Object.keys(collections))('offers every field of %s, as the schema defines it', (name) => {
    const { schema, references } = collections[name as keyof typeof collections];
    const fields = editorCollection(name).fields!;
    expect(differences(expected(schema as z.ZodType, references), fields, name)).toEqual([]);
    expect(fields.at(-1)).toMatchObject({ name: 'body', widget: 'markdown' });
  });

  it('offers every setting of every form file of content/formulaires/', () => {
    const files = editorCollection('formulaires').files!;
    expect(files.map((f) => f.file)).toContain('content/formulaires/contact.yaml');
    for (const file of files) {
      const want = expected(formSettingsSchema, []);
      // A form that must be sealed asks for its team key (parseFormSettings refuses it without one).
      if (isFormKey(file.name) && mustBeSealed(forms[file.name])) want.get('cle_equipe')!.required = true;
      expect(differences(want, file.fields, file.name)).toEqual([]);
    }
  });

  it('notices a field the editor lacks or gets wrong', () => {
    const want = expected(collections.referents.schema, collections.referents.references);
    const fields = structuredClone(editorCollection('referents').fields!);
    const permanences = fields.find((f) => f.name === 'permanences')!;
    permanences.fields = permanences.fields!.filter((f) => f.name !== 'jour');
    fields.find((f) => f.name === 'statut')!.options = ['en-poste'];
    fields.find((f) => f.name === 'quartier')!.required = false;
    expect(differences(want, fields, 'referents')).toEqual([
      'referents.quartier: required false instead of true',
      'referents.statut: choices ["en-poste"]',
      'referents.permanences.jour: missing from the editor',
    ]);
  });

  it('labels every field of every collection in French, with the schema’s metadata', () => {
    const labelled = everyField();
    expect(new Set(labelled.map(([at]) => at.split(/[./]/)[0]))).toEqual(
      new Set([...Object.keys(collections), 'formulaires', 'traductions', 'programmes-traduits']),
    );
    expect(unlabelled(labelled)).toEqual([]);
    expect(Object.fromEntries(labelled.map(([at, f]) => [at, f.label]))).toMatchObject({
      'referents.prenom': 'Prénom',
      'referents.permanences.creneau': 'Horaire',
      'referents.langues.valeur': 'Langue',
      'formations.sessions.places_restantes': 'Places restantes',
      'formulaires/contact.destinataires': 'Destinataires',
      'programmes.falc.relecture.par': 'Relu par',
      'vocabulaire.mots_recherches': 'Mots cherchés',
      'quartiers-noms.noms.source': 'Source',
    });
    const prenom = editorCollection('referents').fields!.find((f) => f.name === 'prenom')!;
    expect(prenom.hint).toContain('Exemple : Nadia B.');
  });

  it('notices a field without a French label, at any depth', () => {
    const fields = structuredClone(editorCollection('programmes').fields!);
    const falc = fields.find((f) => f.name === 'falc')!;
    falc.fields!.find((f) => f.name === 'statut')!.label = 'statut';
    falc.fields!.find((f) => f.name === 'texte')!.field!.label = 'Élément';
    expect(unlabelled(allFields(fields, 'programmes'))).toEqual(['programmes.falc.texte.valeur', 'programmes.falc.statut']);
  });

  it('links each saved entry to its page on the site (« Voir en direct »), the page preview:content lists', async () => {
    const site = process.env.SITE_URL ?? 'http://localhost:4321';
    expect(config).toMatchObject({ site_url: site, display_url: site });
    const { entries } = await checkContent(fileURLToPath(new URL('../../content', import.meta.url)));
    expect(new Set(entries.map((e) => e.collection))).toEqual(new Set(Object.keys(collections)));
    for (const e of entries) {
      const collection = editorCollection(e.collection) as { preview_path?: string };
      expect(collection.preview_path).toBe(PREVIEW_PATH[e.collection]);
      // Decap's template: {{slug}} is the file name, {{fields.x}} a field of the entry.
      const path = collection.preview_path!.replace(/\{\{(?:fields\.)?([a-z_]+)\}\}/g, (_, k: string) =>
        k === 'slug' ? e.id : String(e.data[k]),
      );
      expect(`/${path}`, e.file).toBe(suivi[e.collection].page(e.id, e.data));
    }
    for (const file of editorCollection('formulaires').files!)
      expect(file).toMatchObject({ preview_path: `formulaires/${file.name}/` });
  });

  it('writes dates as AAAA-MM-JJ, patterns as the schema’s, and ASCII file names', () => {
    const session = editorCollection('formations').fields!.find((f) => f.name === 'sessions')!.fields!;
    expect(session.find((f) => f.name === 'date')).toMatchObject({
      widget: 'datetime',
      format: 'YYYY-MM-DD',
      time_format: false,
    });
    expect(session.find((f) => f.name === 'id')!.pattern![0]).toBe('^[a-z0-9-]+$');
    expect(config.slug).toMatchObject({ encoding: 'ascii', clean_accents: true });
    // lieu.ts's yes/no/unchecked answers are preprocessed too, but they are choices, not dates.
    const access = editorCollection('lieux').fields!.find((f) => f.name === 'accessibilite')!.fields!;
    expect(access.find((f) => f.name === 'plain_pied')).toMatchObject({
      widget: 'select',
      options: ['oui', 'non', 'non-verifie'],
    });
  });

  it('lists entries by names an editor recognises, every name a field of the collection (issue 22, item 6)', () => {
    for (const name of Object.keys(collections)) {
      const c = editorCollection(name) as DecapField & { identifier_field: string; summary?: string; sortable_fields?: string[] };
      const fields = new Set(c.fields!.map((f) => f.name));
      expect(fields, `${name}: identifier_field`).toContain(c.identifier_field);
      for (const [, used] of (c.summary ?? '').matchAll(/\{\{(\w+)\}\}/g)) expect(fields, `${name}: summary`).toContain(used);
      for (const sorted of c.sortable_fields ?? []) expect(fields, `${name}: sortable_fields`).toContain(sorted);
    }
    expect((editorCollection('referents') as { summary?: string }).summary).toBe('{{prenom}} · {{quartier}} · {{statut}}');
    const sessions = editorCollection('formations').fields!.find((f) => f.name === 'sessions')!;
    expect(sessions.summary).toBe('{{fields.date}} · {{fields.creneau}} · {{fields.lieu}}');
  });
});

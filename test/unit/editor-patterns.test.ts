/**
 * The editor's patterns (/admin/, generated from the zod schemas) refuse what the content check refuses and
 * accept what it accepts, on sample values, with the schema's French message and never a regular expression.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { decapConfig, formSettingsFields, type DecapField } from '../../src/admin/decap-config.ts';
import { collections, type CollectionName } from '../../src/schemas/index.ts';
import { formSettingsSchema } from '../../src/schemas/forms/settings.ts';

type Editor = { name: string; fields?: DecapField[]; files?: { name: string; fields: DecapField[] }[] };
const config = decapConfig() as { collections: Editor[] };

/** The schema of a field, by names (array items are walked through), with zod's public API. */
function schemaAt(schema: z.ZodType, path: string[]): z.ZodType {
  let s = schema;
  const strip = () => {
    for (;;) {
      if (s instanceof z.ZodOptional || s instanceof z.ZodDefault) s = s.unwrap() as z.ZodType;
      else if (s instanceof z.ZodArray) s = s.element as z.ZodType;
      else return;
    }
  };
  for (const name of path) {
    strip();
    s = (s as z.ZodObject).shape[name] as z.ZodType;
  }
  strip();
  return s;
}

/** The editor field at the same path (list items are `field` or `fields`). */
function fieldAt(fields: DecapField[], path: string[]): DecapField {
  let f: DecapField | undefined;
  let list = fields;
  for (const name of path) {
    f = list.find((x) => x.name === name);
    if (!f) throw new Error(`champ ${path.join('.')} absent de l’éditeur`);
    list = f.fields ?? [];
  }
  return f!.field ?? f!;
}

const SLOTS = {
  ok: ['09:00-12:30', '14:00-17:00', ' 08:05 - 23:59 ', '00:00-00:01'],
  bad: ['14h-25h', '9:00-12:00', '09:00-24:00', '09:00–12:30', '09:00-12:30-13:00', '', '09:60-10:00', '13h30-17h'],
};
const CASES: { where: CollectionName | 'formulaires'; path: string[]; ok: string[]; bad: string[] }[] = [
  { where: 'referents', path: ['permanences', 'creneau'], ...SLOTS },
  { where: 'lieux', path: ['horaires', 'creneaux'], ...SLOTS },
  { where: 'formations', path: ['sessions', 'creneau'], ...SLOTS },
  { where: 'activites', path: ['horaires', 'creneau'], ...SLOTS },
  { where: 'lieux', path: ['adresse', 'code_postal'], ok: ['35000', '35200'], bad: ['3500', '350000', '35 000', 'ABCDE', ''] },
  { where: 'formations', path: ['sessions', 'id'], ok: ['s1', '2027-01-a'], bad: ['S1', 's 1', 'é', 'a_b'] },
  {
    where: 'vocabulaire',
    path: ['page'],
    ok: ['/', '/aide/', '/programmes/fabrique/'],
    bad: ['aide/', '/aide', '/Aide/', 'https://exemple.fr/', '//aide/'],
  },
  {
    where: 'formulaires',
    path: ['destinataires'],
    ok: ['equipe@rennes.example', 'prenom.nom+tri@exemple.fr', 'a-b@c.fr'],
    bad: ['equipe.rennes.example', 'a@b', 'a@@b.fr', 'a..b@c.fr', '.a@b.fr', 'equipe@rennes', 'é@rennes.fr', 'a b@c.fr', ''],
  },
  { where: 'formulaires', path: ['merci'], ok: ['/formulaires/agir/merci/', '/'], bad: ['//exemple.fr/', 'merci/', '/Merci/'] },
  {
    where: 'formulaires',
    path: ['cle_equipe'],
    ok: ['accueil-2026-11-71e1883a'],
    bad: ['Accueil 2026', 'accueil_2026', ''],
  },
];

describe('editor patterns', () => {
  for (const { where, path, ok, bad } of CASES) {
    it(`${where} › ${path.join('.')}: the pattern and the schema agree`, () => {
      const schema = schemaAt(where === 'formulaires' ? formSettingsSchema : (collections[where].schema as z.ZodType), path);
      const fields =
        where === 'formulaires' ? formSettingsFields('agir') : config.collections.find((c) => c.name === where)!.fields!;
      const [source, message] = fieldAt(fields, path).pattern!;
      const pattern = new RegExp(source);
      for (const value of ok) {
        expect(schema.safeParse(value).success, `schema, « ${value} »`).toBe(true);
        expect(pattern.test(value), `pattern, « ${value} »`).toBe(true);
      }
      for (const value of bad) {
        expect(schema.safeParse(value).success, `schema, « ${value} »`).toBe(false);
        expect(pattern.test(value), `pattern, « ${value} »`).toBe(false);
      }
      expect(message).toMatch(/par exemple/);
    });
  }

  it('a slot ending before it starts passes the pattern: the check and the build refuse it', () => {
    const schema = schemaAt(collections.referents.schema, ['permanences', 'creneau']);
    const [source] = fieldAt(config.collections.find((c) => c.name === 'referents')!.fields!, [
      'permanences',
      'creneau',
    ]).pattern!;
    for (const value of ['17:00-09:00', '10:00-10:00']) {
      expect(new RegExp(source).test(value)).toBe(true);
      expect(schema.safeParse(value).error?.issues[0]?.message).toBe(
        `créneau mal écrit : « ${value} » ; attendu HH:MM-HH:MM avec une fin après le début, par exemple 09:00-12:30`,
      );
    }
  });

  it('every pattern’s message is French words, never the expression', () => {
    const patterns: [string, string][] = [];
    const walk = (fields: DecapField[] | undefined) => {
      for (const f of fields ?? []) {
        if (f.pattern) patterns.push(f.pattern);
        walk(f.fields);
        walk(f.field ? [f.field] : undefined);
      }
    };
    for (const c of config.collections) {
      walk(c.fields);
      for (const file of c.files ?? []) walk(file.fields);
    }
    expect(patterns.length).toBeGreaterThan(10);
    for (const [source, message] of patterns) {
      expect(() => new RegExp(source)).not.toThrow();
      expect(message, source).not.toMatch(/[\\^$]|\[[a-z0-9]/i);
      expect(message, source).toMatch(/attendu|par exemple/);
    }
  });

  it('a form that must be sealed cannot be saved without its team key', () => {
    const sealed = formSettingsFields('demande-aide').find((f) => f.name === 'cle_equipe')!;
    expect(sealed).toMatchObject({
      required: true,
      hint: expect.stringMatching(/^Obligatoire : ce formulaire recueille des données sensibles/),
    });
    expect(formSettingsFields('contact').find((f) => f.name === 'cle_equipe')!.required).toBe(false);
  });
});

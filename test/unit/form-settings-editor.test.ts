/**
 * Issue 22, item 5: a form's team keys and addresses by quartier are edited in /admin/ (lists of two fields there,
 * maps in the file: src/admin/map-fields.ts), written back into the file as it was (keep-format.ts: comments kept,
 * a one-value change a one-line diff); and the form settings can be left out of the editor (administrators only).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { decapConfig, type DecapField } from '../../src/admin/decap-config.ts';
import { fileBeforeSave, yamlFile } from '../../src/admin/keep-format.ts';
import { mapsFromLists, repeatedKeys } from '../../src/admin/map-fields.ts';
import { checkFormFile } from '../../src/lib/content-checks/forms-check.ts';

const file = fileURLToPath(new URL('../../content/formulaires/contact-referent.yaml', import.meta.url));
const original = readFileSync(file, 'utf8');
const NEW_KEY = 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-AbCdE';

/** Reads `text` as the editor does, lets `change` edit it, saves it into `text` as the editor does. */
function save(text: string, change: (data: Record<string, unknown>) => void): string {
  const data = yamlFile.fromFile(text);
  change(data);
  fileBeforeSave(text);
  return yamlFile.toFile(JSON.parse(JSON.stringify(data)) as Record<string, unknown>);
}
const changed = (a: string, b: string) => {
  const [x, y] = [a.split('\n'), b.split('\n')];
  return y.filter((line, i) => line !== x[i]);
};
type Item = Record<string, unknown>;

describe('a form’s team keys in the editor', () => {
  it('shows the map of keys as a list of {identifiant, cle}, in the file’s order', () => {
    expect(yamlFile.fromFile(original).cles_publiques).toEqual([
      { identifiant: 'referents-2026-11-9f14bd28', cle: 'mp1NSHGFxZs_InTSfMT9KFCtULpPaZXhY60Y82c1Qmk' },
    ]);
  });

  it('writes one changed key as a one-line diff, every comment kept', () => {
    const after = save(original, (d) => {
      (d.cles_publiques as Item[])[0]!.cle = NEW_KEY;
    });
    expect(after.split('\n')).toHaveLength(original.split('\n').length);
    expect(changed(original, after)).toEqual([`  referents-2026-11-9f14bd28: ${NEW_KEY}`]);
    expect(after).toContain("# Clé d'exemple : sa clé privée n'a été gardée nulle part.");
  });

  it('adds a key after a rotation as one more line of the map, the file still valid', () => {
    const after = save(original, (d) => {
      (d.cles_publiques as Item[]).push({ identifiant: 'referents-2027-01-0a1b2c3d', cle: NEW_KEY });
      d.cle_equipe = 'referents-2027-01-0a1b2c3d';
    });
    expect(after.split('\n').length).toBe(original.split('\n').length + 1);
    expect(parse(after)).toMatchObject({
      cle_equipe: 'referents-2027-01-0a1b2c3d',
      cles_publiques: {
        'referents-2026-11-9f14bd28': 'mp1NSHGFxZs_InTSfMT9KFCtULpPaZXhY60Y82c1Qmk',
        'referents-2027-01-0a1b2c3d': NEW_KEY,
      },
    });
    expect(after).toContain('# cle_equipe : la clé actuelle');
    expect(checkFormFile('contact-referent.yaml', after, 'contact-referent')).toEqual([]);
  });

  it('refuses a key given twice before the save, in French, instead of keeping one silently', () => {
    const data = yamlFile.fromFile(original);
    (data.cles_publiques as Item[]).push({ identifiant: 'referents-2026-11-9f14bd28', cle: NEW_KEY });
    expect(repeatedKeys(data)).toEqual([
      'champ « Clés publiques de l’équipe » : « referents-2026-11-9f14bd28 » y figure deux fois ; gardez une seule ligne pour « referents-2026-11-9f14bd28 » (identifiant de la clé)',
    ]);
    expect(repeatedKeys(yamlFile.fromFile(original))).toEqual([]);
  });
});

describe('a form’s addresses by quartier in the editor', () => {
  const text = `${original}# Les référents de chaque quartier (exemple).\ndestinataires_par_quartier:\n  centre:\n    - referents-centre@rennes.example\n  le-blosne:\n    - a@rennes.example\n    - b@rennes.example\n`;

  it('shows them as a list of {quartier, adresses} and writes one changed address as a one-line diff', () => {
    expect(yamlFile.fromFile(text).destinataires_par_quartier).toEqual([
      { quartier: 'centre', adresses: ['referents-centre@rennes.example'] },
      { quartier: 'le-blosne', adresses: ['a@rennes.example', 'b@rennes.example'] },
    ]);
    const after = save(text, (d) => {
      (d.destinataires_par_quartier as Item[])[1]!.adresses = ['a@rennes.example', 'c@rennes.example'];
    });
    expect(changed(text, after)).toEqual(['    - c@rennes.example']);
    expect(after).toContain('# Les référents de chaque quartier (exemple).');
  });

  it('removes the field when the last quartier is removed, and checks the editor’s data as the file holds it', () => {
    const after = save(text, (d) => {
      d.destinataires_par_quartier = [];
    });
    expect(parse(after)).not.toHaveProperty('destinataires_par_quartier');
    expect(mapsFromLists({ destinataires_par_quartier: [{ quartier: 'centre', adresses: ['x@rennes.example'] }] })).toEqual({
      destinataires_par_quartier: { centre: ['x@rennes.example'] },
    });
  });
});

describe('the form settings in the editor’s configuration', () => {
  const formulaires = (config: Record<string, unknown>) =>
    (config.collections as { name: string; files?: { name: string; fields: DecapField[] }[] }[]).find(
      (c) => c.name === 'formulaires',
    );

  it('are offered by default, keys and addresses by quartier included, each as a list of two checked fields', () => {
    const fields = formulaires(decapConfig())!.files!.find((f) => f.name === 'contact-referent')!.fields;
    const keys = fields.find((f) => f.name === 'cles_publiques')!;
    expect(keys).toMatchObject({ widget: 'list', label: 'Clés publiques de l’équipe', required: false });
    expect(keys.fields!.map((f) => [f.name, f.required, f.pattern?.[0]])).toEqual([
      ['identifiant', true, '^[a-z0-9-]+$'],
      ['cle', true, '^[A-Za-z0-9_-]{43}$'],
    ]);
    const byQuartier = fields.find((f) => f.name === 'destinataires_par_quartier')!;
    expect(byQuartier.fields!.map((f) => [f.name, f.widget, f.collection ?? f.field?.label])).toEqual([
      ['quartier', 'relation', 'quartiers'],
      ['adresses', 'list', 'Adresse e-mail'],
    ]);
  });

  it('are left out with reglagesFormulaires: false, every other collection kept', () => {
    const all = decapConfig();
    const without = decapConfig({ reglagesFormulaires: false });
    expect(formulaires(without)).toBeUndefined();
    const names = (c: Record<string, unknown>) => (c.collections as { name: string }[]).map((x) => x.name);
    expect(names(without)).toEqual(names(all).filter((n) => n !== 'formulaires'));
  });
});

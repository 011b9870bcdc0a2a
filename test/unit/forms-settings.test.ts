/** Settings editors write in content/formulaires/*.yaml: checked with French messages naming file and field. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFormSettings } from '../../src/lib/forms/load.ts';
import { FORM_KEYS, forms } from '../../src/schemas/forms/index.ts';
import { parseFormSettings } from '../../src/schemas/forms/settings.ts';

const FILE = 'content/formulaires/agir.yaml';
const parse = (text: string, key: keyof typeof forms = 'agir') => parseFormSettings(FILE, text, forms[key]);

describe('form settings', () => {
  it('the repository’s settings are valid for every form', async () => {
    const settings = await loadFormSettings(path.resolve(import.meta.dirname, '../../content'));
    expect(Object.keys(settings).sort()).toEqual([...FORM_KEYS].sort());
    for (const key of FORM_KEYS) expect(settings[key].merci).toBe(`/formulaires/${forms[key].adresse ?? key}/merci/`);
    expect(settings['femmes-rappel'].sensible).toBe(true);
  });

  it('names the file and the field, in French', () => {
    const { problems } = parse(
      'ouvert: oui\ndestinataires: [pas-une-adresse]\nsensible: false\nconservation_jours: 0\ncouleur: bleu\n',
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        { file: FILE, field: 'ouvert', message: 'ouvert attendu : true ou false' },
        { file: FILE, field: 'destinataires.0', message: expect.stringMatching(/adresse e-mail attendue/) },
        { file: FILE, field: 'conservation_jours', message: expect.stringMatching(/./) },
        { file: FILE, field: undefined, message: 'champ inconnu : couleur' },
      ]),
    );
  });

  it('a sensitive form cannot be made non-sensitive by its settings', () => {
    const { problems } = parse(
      'ouvert: true\ndestinataires: [a@exemple.fr]\nsensible: false\nconservation_jours: 30\n',
      'femmes-rappel',
    );
    expect(problems).toEqual([{ file: FILE, field: 'sensible', message: expect.stringMatching(/sensible doit rester à true/) }]);
  });

  it('a thank-you page elsewhere on the site, never another site', () => {
    const base = 'ouvert: true\ndestinataires: [a@exemple.fr]\nsensible: false\nconservation_jours: 30\n';
    expect(parse(`${base}merci: /aide/\n`).settings?.merci).toBe('/aide/');
    expect(parse(`${base}merci: //autre.example/\n`).problems[0]?.field).toBe('merci');
    expect(parse(`${base}merci: https://autre.example/\n`).problems[0]?.field).toBe('merci');
  });

  it('unreadable YAML says so', () => {
    expect(parse('ouvert: [true\n').problems[0]?.message).toMatch(/fichier illisible/);
  });
});

describe('team keys in settings (issue 5)', () => {
  const base = 'ouvert: true\ndestinataires: [a@exemple.fr]\nconservation_jours: 30\n';
  const KEY = 'accueil-2026-11-71e1883a';
  const PUB = 'PWLvLrpJ7owe5O6AURDX4hTHTXkSDvSQVC3nSjXGzWQ';

  it('a form with one sensitive field must stay sensible', () => {
    expect(parse(`${base}sensible: false\n`, 'inscription-loisirs').problems[0]?.field).toBe('sensible');
  });

  it('a sensitive form needs its current key, listed among its public keys', () => {
    expect(parse(`${base}sensible: true\n`, 'demande-aide').problems[0]?.field).toBe('cle_equipe');
    expect(parse(`${base}sensible: true\ncle_equipe: ${KEY}\n`, 'demande-aide').problems[0]?.field).toBe('cles_publiques');
    const ok = parse(`${base}sensible: true\ncle_equipe: ${KEY}\ncles_publiques:\n  ${KEY}: ${PUB}\n`, 'demande-aide');
    expect(ok.problems).toEqual([]);
  });

  it('a public key that is not 32 bytes of base64url is refused', () => {
    const { problems } = parse(
      `${base}sensible: true\ncle_equipe: ${KEY}\ncles_publiques:\n  ${KEY}: ${PUB.slice(1)}\n`,
      'demande-aide',
    );
    expect(problems[0]?.message).toMatch(/43 caractères/);
  });
});

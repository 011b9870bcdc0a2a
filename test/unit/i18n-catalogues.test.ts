/** Issue 23: every language's interface catalogue has every French key, none empty, and keeps the emergency numbers. */
import { describe, expect, it } from 'vitest';
import { CATALOGUES, autourDuNumero } from '../../src/i18n/index.ts';
import { fr } from '../../src/i18n/fr.ts';
import { LANGUES, langueDuChemin, ASTRO_I18N } from '../../src/i18n/languages.ts';
import { URGENCES } from '../../src/lib/site/urgences.ts';

/** Every leaf of a catalogue, as "path → value" (arrays by index). */
function leaves(value: unknown, at = ''): [string, unknown][] {
  if (typeof value === 'string') return [[at, value]];
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([key, v]) => leaves(v, at ? `${at}.${key}` : key));
  return [[at, value]];
}

const french = new Map(leaves(fr));

describe('interface catalogues', () => {
  it('exist for every language of the list, and only for them', () => {
    expect(Object.keys(CATALOGUES).sort()).toEqual(LANGUES.map((l) => l.code).sort());
  });

  for (const { code } of LANGUES)
    it(`${code}: has every French key, no other, and none empty`, () => {
      const own = new Map(leaves(CATALOGUES[code]));
      expect([...own.keys()].sort()).toEqual([...french.keys()].sort());
      for (const [key, value] of own) {
        expect(typeof value, `${code}: ${key}`).toBe('string');
        expect((value as string).trim(), `${code}: ${key}`).not.toBe('');
      }
    });

  for (const { code } of LANGUES)
    it(`${code}: names what each emergency number is for, and places the number once in each call phrase`, () => {
      const t = CATALOGUES[code];
      expect(Object.keys(t.urgences.numeros).sort()).toEqual(URGENCES.map((u) => u.numero).sort());
      for (const phrase of [t.urgences.appeler, t.urgences.envoyerSms]) {
        expect(phrase.split('{numero}'), `${code}: ${phrase}`).toHaveLength(2);
        // The same words, with no-break spaces: the number stays on its verb's line (html-validate: tel-non-breaking).
        expect(autourDuNumero(phrase).join('{numero}')).toBe(phrase.replaceAll(' ', '\u00a0'));
        expect(autourDuNumero(phrase).join('')).not.toContain(' ');
      }
      expect(t.noteSecurite.danger).toHaveLength(3);
    });

  it('French stays the same words as the strip and the help page always showed', () => {
    for (const u of URGENCES) {
      const own = fr.urgences.numeros[u.numero as keyof typeof fr.urgences.numeros];
      expect(own).toEqual({ nom: u.nom, detail: u.detail });
    }
  });
});

describe('languages', () => {
  it('French at the root, the others under their own prefix, Arabic and Dari right to left', () => {
    expect(LANGUES[0]).toMatchObject({ code: 'fr', prefixe: '', dir: 'ltr' });
    expect(LANGUES.filter((l) => l.dir === 'rtl').map((l) => l.code)).toEqual(['ar', 'prs']);
    expect(new Set(LANGUES.map((l) => l.prefixe)).size).toBe(LANGUES.length);
    expect(langueDuChemin('/ar/aide/').code).toBe('ar');
    expect(langueDuChemin('/prs/').tag).toBe('fa-AF');
    expect(langueDuChemin('/aide/').code).toBe('fr');
    // An address that only starts like a prefix is French.
    expect(langueDuChemin('/entreprises/').code).toBe('fr');
    expect(ASTRO_I18N.routing.prefixDefaultLocale).toBe(false);
  });

  it('each language is named in itself, and its lang tag is one Intl knows', () => {
    for (const l of LANGUES) {
      // CLDR's own name for the tag, in the language itself (fa-AF: « دری », Dari).
      const named = new Intl.DisplayNames([l.tag], { type: 'language' }).of(l.tag)!;
      expect(named.toLocaleLowerCase(l.tag)).toBe(l.nom.toLocaleLowerCase(l.tag));
      expect(Intl.getCanonicalLocales(l.tag)).toEqual([l.tag]);
    }
  });
});

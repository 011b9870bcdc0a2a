/**
 * Issue 23, search part: the search's words (src/i18n/recherche.ts) in every language, none missing or empty, with
 * the same placeholders as French; and the Arabic-script writing that the index and the queries share.
 */
import { describe, expect, it } from 'vitest';
import { LANGUES } from '../../src/i18n/languages.ts';
import { RECHERCHE } from '../../src/i18n/recherche.ts';
import { ecriture, lettreDuDictionnaire, mots, racine } from '../../src/lib/search/query-words.ts';

/** Every leaf, as "path → value" (arrays by index). */
function leaves(value: unknown, at = ''): [string, unknown][] {
  if (typeof value === 'string') return [[at, value]];
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([key, v]) => leaves(v, at ? `${at}.${key}` : key));
  return [[at, value]];
}
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const french = new Map(leaves(RECHERCHE.fr));

describe('the search’s words', () => {
  it('exist for every language of the list', () => {
    expect(Object.keys(RECHERCHE).sort()).toEqual(LANGUES.map((l) => l.code).sort());
  });

  for (const { code } of LANGUES)
    it(`${code}: every French key, no other, none empty, the same placeholders`, () => {
      const own = new Map(leaves(RECHERCHE[code]));
      expect([...own.keys()].sort()).toEqual([...french.keys()].sort());
      for (const [key, value] of own) {
        expect(typeof value, `${code}: ${key}`).toBe('string');
        expect((value as string).trim(), `${code}: ${key}`).not.toBe('');
        expect(placeholders(value as string), `${code}: ${key}`).toEqual(placeholders(french.get(key) as string));
      }
    });
});

describe('Arabic script, the same at index time and query time', () => {
  it('Arabic: short vowels and tatweel left out, letters kept (the stemmer handles alef, teh marbuta, alef maqsura)', () => {
    expect(ecriture('مُسَاعَدَة', 'ar')).toBe('مساعدة');
    expect(ecriture('مســاعدة', 'ar')).toBe('مساعدة');
    expect(ecriture('إيواء', 'ar')).toBe('إيواء');
  });

  it('Dari: Arabic-keyboard yeh, alef maqsura and kaf become the Persian letters', () => {
    expect(ecriture('كمك', 'fa-AF')).toBe('کمک');
    expect(ecriture('رايگان', 'fa-AF')).toBe('رایگان');
    expect(ecriture('معلوليت', 'fa-AF')).toBe(ecriture('معلولیت', 'fa-AF'));
  });

  it('leaves other languages alone, French included', () => {
    for (const lang of ['fr', 'en', 'uk', 'es', 'pt']) expect(ecriture('كمك école', lang)).toBe('كمك école');
  });

  it('keeps a word with its vowel marks whole', () => {
    expect(mots('مُسَاعَدَة فورية')).toEqual(['مُسَاعَدَة', 'فورية']);
  });

  it('names each language’s words’ list by its first letter, French as before', () => {
    expect(lettreDuDictionnaire('refuge', 'fr')).toBe('r');
    expect(lettreDuDictionnaire('ecole', 'fr')).toBe('e');
    expect(lettreDuDictionnaire('3919', 'fr')).toBeUndefined();
    expect(lettreDuDictionnaire('مساعدة', 'ar')).toBe('ar/645');
    expect(lettreDuDictionnaire('поліція', 'uk')).toBe('uk/43f');
  });
});

describe('Ukrainian word stems (no stemmer in Pagefind, which matches word starts)', () => {
  it('leaves out the ending when four letters remain, so every form is found', () => {
    expect(racine('притулок', 'uk')).toBe('притул');
    expect(racine('екстрені', 'uk')).toBe('екстрен');
    expect(racine('безкоштовний', 'uk')).toBe('безкоштовн');
    expect(racine('діти', 'uk')).toBe('діти');
    expect(racine('3919', 'uk')).toBe('3919');
  });

  it('leaves words in other languages as typed', () => {
    expect(racine('притулок', 'fr')).toBe('притулок');
    expect(racine('formations', 'fr')).toBe('formations');
  });
});

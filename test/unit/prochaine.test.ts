/** Next dates that never go stale, and the article before a place's name. */
import { describe, expect, it } from 'vitest';
import { libelleJour, prochaine } from '../../src/lib/time/prochaine.ts';
import { aLieu } from '../../src/lib/page-tools/typographie.ts';

describe('next date', () => {
  const dates = ['2026-12-02', '2026-11-25', '2026-12-09'];
  it('is the first date from today on, never a past one', () => {
    expect(prochaine(dates, '2026-11-20')).toBe('2026-11-25');
    expect(prochaine(dates, '2026-11-26')).toBe('2026-12-02');
    expect(prochaine(dates, '2026-12-02')).toBe('2026-12-02');
    expect(prochaine(dates, '2026-12-10')).toBeUndefined();
  });

  it('says « aujourd’hui » and « demain » when true, across a month and a year', () => {
    expect(libelleJour('2026-12-02', '2026-12-02')).toBe('aujourd’hui, mercredi 2 décembre 2026');
    expect(libelleJour('2026-12-01', '2026-11-30')).toBe('demain, mardi 1er décembre 2026');
    expect(libelleJour('2027-01-01', '2026-12-31')).toBe('demain, vendredi 1er janvier 2027');
    expect(libelleJour('2026-12-09', '2026-12-02')).toBe('mercredi 9 décembre 2026');
  });
});

describe('aLieu()', () => {
  it('puts the right article before a place’s name', () => {
    expect(aLieu('Maison de quartier du Blosne')).toEqual({ preposition: 'à', article: 'la ' });
    expect(aLieu('Espace social commun du Centre')).toEqual({ preposition: 'à', article: 'l’' });
    expect(aLieu('Centre social de la Poterie')).toEqual({ preposition: 'au', article: '' });
    expect(aLieu('MDPH d’Ille-et-Vilaine')).toEqual({ preposition: 'à', article: 'la ' });
    expect(aLieu('Rennes')).toEqual({ preposition: 'à', article: '' });
  });
});

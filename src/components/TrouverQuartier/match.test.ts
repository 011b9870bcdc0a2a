/** The quartier finder's matching (match.ts): words before a name, typos, boundaries (issue 21). */
import { describe, expect, it } from 'vitest';
import { chercher, cle, sansAvant } from './match.ts';

const noms = [
  'Bréquigny',
  'Gros-Chêne',
  'Henri Fréville',
  'Italie',
  'La Poterie',
  'Le Blosne',
  'Pontchaillou',
  'Rue de Nantes',
  'Torigné',
];
const lignes = noms.map((nom) => ({ nom, cle: cle(nom) }));
const premier = (q: string) => chercher(lignes, q)[0]?.nom;

describe('words before a name', () => {
  it.each([
    ['métro Henri Fréville', 'Henri Fréville'],
    ['station henri freville', 'Henri Fréville'],
    ['Métro Henri-Fréville', 'Henri Fréville'],
    ['près de la Poterie', 'La Poterie'],
    ['à côté du Gros-Chêne', 'Gros-Chêne'],
    ['à côté de la station Italie', 'Italie'],
    ['j’habite près du métro Pontchaillou', 'Pontchaillou'],
    ['rue de Nantes', 'Rue de Nantes'],
    ['arrêt Torigné', 'Torigné'],
  ])('« %s » finds %s', (q, nom) => expect(premier(q)).toBe(nom));

  it('keeps the last word even when it is one of those words', () => {
    expect(sansAvant('rue')).toBe('rue');
    expect(sansAvant('pres de la poterie')).toBe('poterie');
    expect(premier('rue')).toBe('Rue de Nantes');
  });
});

describe('typos', () => {
  it.each([
    ['henri freuville', 'Henri Fréville'],
    ['métro henry fréville', 'Henri Fréville'],
    ['pontchailou', 'Pontchaillou'],
    ['brequigni', 'Bréquigny'],
    ['torgné', 'Torigné'],
    ['près de la pottrie', 'La Poterie'],
  ])('« %s » finds %s', (q, nom) => expect(premier(q)).toBe(nom));

  it('an exact start ranks above a typo, and nothing close finds nothing', () => {
    expect(chercher(lignes, 'ita').map((l) => l.nom)).toEqual(['Italie']);
    expect(chercher(lignes, 'zzqx')).toEqual([]);
    expect(chercher(lignes, 'métro zzqx')).toEqual([]);
    expect(chercher(lignes, 'x')).toEqual([]);
  });

  it('among names found alike, the one with no words beyond the query comes first, whatever the A–Z order', () => {
    const avecHalte = ['halte Rennes-Pontchaillou', 'Pontchaillou'].map((nom) => ({ nom, cle: cle(nom) }));
    expect(chercher(avecHalte, 'près de pontchailou').map((l) => l.nom)).toEqual(['Pontchaillou', 'halte Rennes-Pontchaillou']);
    expect(chercher(avecHalte, 'halte pontchaillou')[0]?.nom).toBe('halte Rennes-Pontchaillou');
  });
});

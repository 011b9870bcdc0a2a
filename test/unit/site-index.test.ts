/** The A–Z index: topics as people look for them, titles filed without their article. */
import { describe, expect, it } from 'vitest';
import { cleDeTri, parLettre, type EntreeIndex } from '../../src/lib/site/site-index.ts';

const entree = (titre: string): EntreeIndex => ({ titre, href: `/${titre}/`, genre: 'page' });

describe('A–Z index', () => {
  it('files titles without their leading article', () => {
    expect(cleDeTri('Une École de la deuxième chance')).toBe('Ecole de la deuxieme chance');
    expect(cleDeTri('La Fabrique')).toBe('Fabrique');
    expect(cleDeTri('L’école inclusive')).toBe('ecole inclusive');
    expect(cleDeTri('Lieux d’accueil')).toBe('Lieux d’accueil');
  });

  it('groups by the letter people look under', () => {
    const groups = Object.fromEntries(
      parLettre(['Un lieu ressource', 'Femmes victimes de violences', 'La Fabrique', 'École', 'Urgence'].map(entree)).map(
        ([l, es]) => [l, es.map((e) => e.titre)],
      ),
    );
    expect(groups).toEqual({
      E: ['École'],
      F: ['La Fabrique', 'Femmes victimes de violences'],
      L: ['Un lieu ressource'],
      U: ['Urgence'],
    });
  });
});

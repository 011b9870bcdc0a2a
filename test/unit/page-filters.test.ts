import { describe, expect, it } from 'vitest';
import type { Constat } from '../../src/schemas/lieu.ts';
import {
  attributsRecherche,
  rechercheActivite,
  rechercheFormation,
  rechercheLieu,
  rechercheQuartier,
} from '../../src/lib/search/page-filters.ts';

const entree = <D>(id: string, data: D) => [id, { id, data }] as const;
const quartier = new Map([entree('le-blosne', { nom: 'Le Blosne' }), entree('centre', { nom: 'Centre' })]);
const lieu = new Map([
  entree('mq-blosne', {
    nom: 'Maison de quartier du Blosne',
    quartier: 'le-blosne',
    accessibilite: { plain_pied: 'oui' as const },
  }),
  entree('es-centre', {
    nom: 'Espace social Centre',
    quartier: 'centre',
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- without it the Map's type widens the literal to string
    accessibilite: { plain_pied: 'non-verifie' as Constat },
  }),
]);
const site = { lieu, quartier };
const session = (id: string, date: string, l: string) => ({
  id,
  date,
  creneau: '09:30-12:30',
  lieu: l,
  capacite: 10,
  places_restantes: 2,
});

describe('search data of a page', () => {
  it('renders kind, quartiers and access as filters, and what a result shows as metadata', () => {
    const attrs = attributsRecherche('Atelier cirque', { type: 'activite', quartiers: ['Le Blosne'], plainPied: 'oui' });
    expect(attrs).toEqual([
      { kind: 'meta', name: 'title', value: 'Atelier cirque' },
      { kind: 'filter', name: 'type', value: 'Loisir partagé' },
      { kind: 'meta', name: 'type', value: 'Loisir partagé' },
      { kind: 'filter', name: 'quartier', value: 'Le Blosne' },
      { kind: 'meta', name: 'quartier', value: 'Le Blosne' },
      { kind: 'filter', name: 'acces', value: 'Entrée de plain-pied' },
      { kind: 'meta', name: 'acces', value: 'Entrée de plain-pied' },
    ]);
  });

  it('lists a quartier once even when several sessions take place there', () => {
    const attrs = attributsRecherche('F', { type: 'formation', quartiers: ['Centre', 'Centre', 'Le Blosne'] });
    expect(attrs.filter((a) => a.name === 'quartier' && a.kind === 'filter').map((a) => a.value)).toEqual([
      'Centre',
      'Le Blosne',
    ]);
    expect(attrs.find((a) => a.name === 'quartier' && a.kind === 'meta')?.value).toBe('Centre, Le Blosne');
  });

  it('gives a training its audiences, the quartiers of its upcoming sessions and its next session in words', () => {
    const f = {
      publics: ['parents' as const, 'assistantes-maternelles' as const],
      sessions: [
        session('old', '2026-10-01', 'es-centre'),
        session('b', '2027-03-18', 'es-centre'),
        session('a', '2027-02-11', 'mq-blosne'),
      ],
    };
    expect(rechercheFormation(f, site, '2027-01-01')).toEqual({
      type: 'formation',
      quartiers: ['Le Blosne', 'Centre'],
      publics: ['Parents', 'Assistantes maternelles'],
      prochaineSession: 'jeudi 11 février 2027, de 9 h 30 à 12 h 30, Maison de quartier du Blosne',
    });
    const passee = rechercheFormation(f, site, '2027-06-01');
    expect(passee.quartiers).toEqual([]);
    expect(passee.prochaineSession).toBe('pas de session à venir');
  });

  it('takes step-free access from the place, and other names of a quartier as keywords', () => {
    expect(rechercheActivite({ quartier: 'le-blosne', lieu: 'mq-blosne' }, site)).toEqual({
      type: 'activite',
      quartiers: ['Le Blosne'],
      plainPied: 'oui',
    });
    expect(rechercheLieu(lieu.get('es-centre')!.data, quartier)).toEqual({
      type: 'lieu',
      quartiers: ['Centre'],
      plainPied: 'non-verifie',
    });
    expect(rechercheQuartier({ nom: 'Le Blosne', autres_noms: ['Blosne'] })).toEqual({
      type: 'referents',
      quartiers: ['Le Blosne'],
      motsCles: ['Blosne'],
    });
  });
});

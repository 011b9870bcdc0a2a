/**
 * Issue 22, item 7: a permanence cancelled for one date is left out of the calendar feed (an EXDATE at the
 * permanence's time), as the page leaves it out of « Prochaine permanence » and says why.
 */
import { describe, expect, it } from 'vitest';
import { evenementsReferent } from '../../src/lib/page-tools/agenda.ts';
import type { Referent, Site } from '../../src/lib/site/content.ts';

const lieu = {
  id: 'lieu-essai',
  data: { nom: 'Maison d’essai', adresse: { rue: '1 rue de l’Essai', code_postal: '35000', ville: 'Rennes' }, fermetures: [] },
};
const site = { lieu: new Map([['lieu-essai', lieu]]) } as unknown as Site;
const referent = (annulations: { date: string; raison: string }[]) =>
  ({
    id: 'essai-1',
    data: {
      quartier: 'essai',
      permanences: [{ lieu: 'lieu-essai', jour: 'mardi', creneau: '14:00-17:00', semaines: [], annulations }],
    },
  }) as unknown as Referent;

describe('a cancelled permanence in the calendar feed', () => {
  it('is an EXDATE at the permanence’s time; without one, there is none', () => {
    const [avec] = evenementsReferent(
      referent([{ date: '2027-03-09', raison: 'formation' }]),
      site,
      new URL('https://exemple.fr/'),
      '2027-03-02',
    );
    expect(avec!.repeating).toContain('EXDATE;TZID=Europe/Paris:20270309T140000');
    expect(avec!.date).toBe('2027-03-02');
    const [sans] = evenementsReferent(referent([]), site, new URL('https://exemple.fr/'), '2027-03-02');
    expect(sans!.repeating).not.toContain('EXDATE');
  });
});

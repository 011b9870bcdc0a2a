/** SMS texts (issue 21, item 6): whole sentences only, and never a past, full or cancelled session. */
import { describe, expect, it } from 'vitest';
import type { Formation, Site } from '../../src/lib/site/content.ts';
import { SMS_MAX, smsFormation, smsTexte } from '../../src/lib/page-tools/sms.ts';

const ADRESSE = 'https://fabrique.exemple.fr/formations/creche/';

describe('smsTexte', () => {
  it('leaves out a fact that does not fit rather than cutting it mid-sentence', () => {
    const long = `Permanence le mardi, de 9 h à 12 h, ${'Espace social du Blosne, '.repeat(10)}35200 Rennes.`;
    const texte = smsTexte(['Référents du quartier Le Blosne.', long, 'Gratuit.'], ADRESSE);
    expect(texte).toBe(['Référents du quartier Le Blosne.', 'Gratuit.', ADRESSE].join('\n'));
    expect(texte).not.toMatch(/…/);
    expect(texte.length).toBeLessThanOrEqual(SMS_MAX);
  });
  it('every line but the address ends on a whole sentence', () => {
    const faits = Array.from({ length: 12 }, (_, i) => `Permanence numéro ${i + 1}, le lundi de 9 h à 12 h.`);
    const lignes = smsTexte(faits, ADRESSE).split('\n');
    expect(lignes.at(-1)).toBe(ADRESSE);
    for (const l of lignes.slice(0, -1)) expect(l).toMatch(/\.$/);
    expect(lignes.join('\n').length).toBeLessThanOrEqual(SMS_MAX);
  });
});

describe('smsFormation', () => {
  const site = {
    lieu: new Map([['salle', { data: { nom: 'Salle', adresse: { rue: '1 rue A', code_postal: '35000', ville: 'Rennes' } } }]]),
  } as unknown as Site;
  const formation = (sessions: object[]) =>
    ({
      data: { titre: 'Accueillir', gratuit: true, inscriptions: 'ouvertes', sessions },
    }) as unknown as Formation;
  const session = (id: string, date: string, places: number, annulee = false) => ({
    id,
    date,
    creneau: '09:00-12:00',
    lieu: 'salle',
    capacite: 12,
    places_restantes: places,
    annulee,
  });

  it('skips past, full and cancelled sessions and names the next open one', () => {
    const faits = smsFormation(
      formation([
        session('passee', '2027-01-02', 5),
        session('complete', '2027-02-01', 0),
        session('annulee', '2027-02-10', 5, true),
        session('ouverte', '2027-03-01', 3),
      ]),
      site,
      '2027-01-15',
    );
    expect(faits[1]).toMatch(/^Prochaine session : lundi 1er mars 2027/);
  });
  it('says there is no open session rather than advertising a full one', () => {
    const faits = smsFormation(formation([session('complete', '2027-02-01', 0)]), site, '2027-01-15');
    expect(faits[1]).toBe('Pas de session ouverte à l’inscription pour l’instant.');
  });
});

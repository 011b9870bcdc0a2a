/** Calendar events of a training: Paris times whatever the process's zone, full and cancelled sessions said so. */
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { calendrier, evenementsFormation } from '../../src/lib/page-tools/agenda.ts';
import type { Formation, Site } from '../../src/lib/site/content.ts';

const session = (id: string, extra: object = {}) => ({
  id,
  date: '2027-03-28',
  creneau: '09:30-12:00',
  lieu: 'exemple-lieu',
  capacite: 10,
  places_restantes: 4,
  annulee: false,
  ...extra,
});
const formation = {
  id: 'exemple',
  data: {
    titre: 'Accueillir un enfant',
    resume: 'Résumé.',
    inscriptions: 'ouvertes',
    exemple: true,
    sessions: [session('a'), session('b', { places_restantes: 0 }), session('c', { annulee: true })],
  },
} as unknown as Formation;
const site = {
  lieu: new Map([
    [
      'exemple-lieu',
      { data: { nom: 'Salle (exemple)', adresse: { rue: '1 rue de l’Exemple', code_postal: '35000', ville: 'Rennes' } } },
    ],
  ]),
} as unknown as Site;
const SITE = new URL('https://fabrique.example/');
const ics = calendrier('Test', SITE, '2026-11-20', evenementsFormation(formation, site, SITE, '2026-11-26'));
const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));

describe('training sessions as calendar events', () => {
  it('writes Paris wall-clock times with their zone, the day after the spring change included', () => {
    expect(ics).toContain('DTSTART;TZID=Europe/Paris:20270328T093000');
    expect(ics).toContain('DTEND;TZID=Europe/Paris:20270328T120000');
    expect(ics).toMatch(/^DTSTAMP:20261120T000000Z\r$/m);
  });

  it('says when a session is full, and marks a cancelled one CANCELLED', () => {
    const [open, full, cancelled] = events;
    expect(open!.summary).toBe('Accueillir un enfant');
    expect(open!.component.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(full!.summary).toBe('Complet : Accueillir un enfant');
    expect(cancelled!.summary).toBe('Annulée : Accueillir un enfant');
    expect(cancelled!.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(open!.description).toContain('Exemple');
    expect(open!.location).toBe('Salle (exemple), 1 rue de l’Exemple, 35000 Rennes');
    expect(new Set(events.map((e) => e.uid)).size).toBe(3);
  });
});

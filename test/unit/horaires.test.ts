import { describe, expect, it } from 'vitest';
import {
  estOuvert,
  formatLigneHoraire,
  formatRecurrence,
  horairesParJour,
  annulationsAVenir,
  prochainesDates,
  semaineDuMois,
} from '../../src/lib/time/horaires.ts';
import { permanence } from '../../src/schemas/referent.ts';
import { formatCreneau, formatDateLongue, todayInRennes, weekdayIndex } from '../../src/lib/time/dates.ts';
import { isRealDate, isValidSlot } from '../../src/schemas/common.ts';

const horaires = [
  { jours: ['lundi' as const, 'mardi' as const], creneaux: ['13:30-17:00', '09:00-12:30'] },
  { jours: ['mardi' as const], creneaux: ['17:00-19:00'] },
];
const fermetures = [{ du: '2027-03-15', au: '2027-03-16', motif: 'travaux' }];

describe('opening hours', () => {
  it('groups slots by weekday, Monday first, slots sorted', () => {
    const lines = horairesParJour(horaires);
    expect(lines.map((l) => l.jour)).toEqual(['lundi', 'mardi']);
    expect(lines[1]!.creneaux).toEqual(['09:00-12:30', '13:30-17:00', '17:00-19:00']);
    expect(formatLigneHoraire(lines[0]!)).toBe('lundi : de 9 h à 12 h 30 et de 13 h 30 à 17 h');
  });

  it('is open inside a slot, closed at lunch, at closing time, on other days and during a closure', () => {
    // 2027-03-08 is a Monday.
    expect(weekdayIndex('2027-03-08')).toBe(0);
    expect(estOuvert(horaires, fermetures, '2027-03-08', '09:00')).toBe(true);
    expect(estOuvert(horaires, fermetures, '2027-03-08', '12:45')).toBe(false);
    expect(estOuvert(horaires, fermetures, '2027-03-08', '17:00')).toBe(false);
    expect(estOuvert(horaires, fermetures, '2027-03-10', '10:00')).toBe(false);
    expect(estOuvert(horaires, fermetures, '2027-03-15', '10:00')).toBe(false);
    expect(estOuvert(horaires, fermetures, '2027-03-22', '10:00')).toBe(true);
  });
});

describe('recurring permanences', () => {
  const chaqueMardi = { lieu: 'x', jour: 'mardi' as const, creneau: '14:00-17:00', semaines: [] };
  const premierEtTroisieme = { ...chaqueMardi, semaines: [3, 1] };

  it('lists the next Tuesdays from an injected today, today included', () => {
    expect(prochainesDates(chaqueMardi, '2027-03-02', 3)).toEqual(['2027-03-02', '2027-03-09', '2027-03-16']);
    expect(prochainesDates(chaqueMardi, '2027-03-03', 2)).toEqual(['2027-03-09', '2027-03-16']);
  });

  it('keeps only the chosen weeks of the month and skips closures', () => {
    expect(semaineDuMois('2027-03-16')).toBe(3);
    expect(prochainesDates(premierEtTroisieme, '2027-03-03', 3)).toEqual(['2027-03-16', '2027-04-06', '2027-04-20']);
    expect(prochainesDates(premierEtTroisieme, '2027-03-03', 2, fermetures)).toEqual(['2027-04-06', '2027-04-20']);
    expect(formatRecurrence(premierEtTroisieme)).toBe('le 1er et le 3e mardi du mois');
    expect(formatRecurrence(chaqueMardi)).toBe('chaque mardi');
  });

  it('skips a date cancelled by an editor, and says which cancellations are still to come (issue 22, item 7)', () => {
    const annulee = { ...chaqueMardi, annulations: [{ date: '2027-03-09', raison: 'la référente est en formation' }] };
    expect(prochainesDates(annulee, '2027-03-02', 3)).toEqual(['2027-03-02', '2027-03-16', '2027-03-23']);
    expect(annulationsAVenir(annulee, '2027-03-09')).toEqual(annulee.annulations);
    expect(annulationsAVenir(annulee, '2027-03-10')).toEqual([]);
  });

  it('refuses a cancelled date that is not a day of the permanence, and a cancellation without its reason', () => {
    const ok = permanence.safeParse({
      ...chaqueMardi,
      lieu: 'centre-espace-social',
      annulations: [{ date: '2027-03-09', raison: 'formation' }],
    });
    expect(ok.success).toBe(true);
    const mercredi = permanence.safeParse({ ...chaqueMardi, annulations: [{ date: '2027-03-10', raison: 'formation' }] });
    expect(mercredi.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['annulations.0.date', 'le 2027-03-10 n’est pas un mardi : une date annulée est un jour de la permanence'],
    ]);
    const sansRaison = permanence.safeParse({ ...chaqueMardi, annulations: [{ date: '2027-03-09' }] });
    expect(sansRaison.success).toBe(false);
  });
});

describe('dates and slots', () => {
  it('refuses impossible dates and accepts leap days', () => {
    expect(isRealDate('2027-02-30')).toBe(false);
    expect(isRealDate('2027-13-01')).toBe(false);
    expect(isRealDate('27-02-01')).toBe(false);
    expect(isRealDate('2028-02-29')).toBe(true);
    expect(isRealDate('2027-02-29')).toBe(false);
  });

  it('accepts HH:MM-HH:MM slots that end after they start', () => {
    expect(isValidSlot('09:00-12:30')).toBe(true);
    expect(isValidSlot('9h-12h')).toBe(false);
    expect(isValidSlot('12:00-09:00')).toBe(false);
    expect(isValidSlot('24:00-25:00')).toBe(false);
    expect(formatCreneau('09:00-12:30')).toBe('de 9 h à 12 h 30');
  });

  it('formats French dates and reads today in Rennes, or a pinned day', () => {
    expect(formatDateLongue('2027-03-16')).toBe('mardi 16 mars 2027');
    // 23:30 UTC on 31 December is already 1 January in Rennes.
    expect(todayInRennes(new Date('2026-12-31T23:30:00Z'), {})).toBe('2027-01-01');
    expect(todayInRennes(new Date(), { FABRIQUE_AUJOURDHUI: '2027-05-01' })).toBe('2027-05-01');
  });
});

import { describe, expect, it } from 'vitest';
import { etatSession, prochainesSessions, trierFormations } from '../../src/lib/time/sessions.ts';

const session = (id: string, date: string, places = 5) => ({
  id,
  date,
  creneau: '09:00-12:00',
  lieu: 'l',
  capacite: 12,
  places_restantes: places,
});
const formation = (id: string, inscriptions: 'ouvertes' | 'fermees', sessions: ReturnType<typeof session>[]) => ({
  id,
  data: { inscriptions, sessions },
});

const a = formation('a', 'ouvertes', [session('a1', '2027-01-10'), session('a2', '2027-04-10', 0)]);
const b = formation('b', 'fermees', [session('b1', '2027-02-01')]);
const past = formation('p', 'ouvertes', [session('p1', '2026-10-05')]);

describe('training sessions with an injected today', () => {
  it('lists upcoming sessions soonest first, today included, past ones left out', () => {
    const list = prochainesSessions([past, b, a], '2027-01-10');
    expect(list.map((x) => x.session.id)).toEqual(['a1', 'b1', 'a2']);
    expect(prochainesSessions([past, b, a], '2027-01-11', 1).map((x) => x.session.id)).toEqual(['b1']);
  });

  it('archives trainings whose sessions are all past', () => {
    const { aVenir, passees } = trierFormations([past, a, b], '2027-01-11');
    expect(aVenir.map((f) => f.id)).toEqual(['b', 'a']);
    expect(passees.map((f) => f.id)).toEqual(['p']);
  });

  it('says whether one can sign up: past, closed, full, open', () => {
    expect(etatSession(session('x', '2026-01-01'), a.data, '2027-01-01')).toBe('passee');
    expect(etatSession(session('x', '2027-02-01'), b.data, '2027-01-01')).toBe('inscriptions-fermees');
    expect(etatSession(session('x', '2027-02-01', 0), a.data, '2027-01-01')).toBe('complete');
    expect(etatSession(session('x', '2027-02-01', 1), a.data, '2027-01-01')).toBe('ouverte');
  });
});

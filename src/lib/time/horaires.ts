/** Build: Opening hours and recurring permanences: what residents need is "when can I go?". */
import { JOURS, type Jour } from '../../schemas/common.ts';
import type { Fermeture, Horaire } from '../../schemas/lieu.ts';
import type { Permanence } from '../../schemas/referent.ts';
import { addDays, formatCreneau, weekdayIndex } from './dates.ts';

export type LigneHoraire = { jour: Jour; creneaux: string[] };

/** One line per day of the week, Monday first, slots sorted; days without slots are left out. */
export function horairesParJour(horaires: Horaire[]): LigneHoraire[] {
  return JOURS.map((jour) => ({
    jour,
    creneaux: [...new Set(horaires.filter((h) => h.jours.includes(jour)).flatMap((h) => h.creneaux))].sort(),
  })).filter((l) => l.creneaux.length > 0);
}

/** "lundi : de 9 h à 12 h 30 et de 13 h 30 à 17 h" */
export function formatLigneHoraire({ jour, creneaux }: LigneHoraire): string {
  return `${jour} : ${creneaux.map(formatCreneau).join(' et ')}`;
}

/** The closure covering a date, if any. */
export function fermetureLe(date: string, fermetures: Fermeture[]): Fermeture | undefined {
  return fermetures.find((f) => f.du <= date && date <= f.au);
}

/** Closures that are not over yet, soonest first. */
export function fermeturesAVenir(fermetures: Fermeture[], today: string): Fermeture[] {
  return fermetures.filter((f) => f.au >= today).sort((a, b) => a.du.localeCompare(b.du));
}

/** Is the place open on that date at that time ("HH:MM")? Closures win over hours. */
export function estOuvert(horaires: Horaire[], fermetures: Fermeture[], date: string, heure: string): boolean {
  if (fermetureLe(date, fermetures)) return false;
  const jour = JOURS[weekdayIndex(date)]!;
  return horaires.some(
    (h) =>
      h.jours.includes(jour) &&
      h.creneaux.some((c) => {
        const [debut, fin] = c.split('-') as [string, string];
        return debut <= heure && heure < fin;
      }),
  );
}

/** The cancellation of a permanence on a date, if any (referent.ts, `annulations`). */
export function annuleeLe(
  p: Partial<Pick<Permanence, 'annulations'>>,
  date: string,
): { date: string; raison: string } | undefined {
  return p.annulations?.find((a) => a.date === date);
}

/** Cancellations not yet past, soonest first. */
export function annulationsAVenir(
  p: Partial<Pick<Permanence, 'annulations'>>,
  today: string,
): { date: string; raison: string }[] {
  return (p.annulations ?? []).filter((a) => a.date >= today).sort((a, b) => a.date.localeCompare(b.date));
}

/** Week of the month (1–5) of a date: days 1–7 are week 1, and so on. */
export function semaineDuMois(iso: string): number {
  return Math.ceil(Number(iso.slice(8, 10)) / 7);
}

/**
 * The next `count` dates (from today included) on which a permanence takes place, skipping closures of its place and
 * its own cancelled dates.
 */
export function prochainesDates(
  p: Pick<Permanence, 'jour' | 'semaines'> & Partial<Pick<Permanence, 'annulations'>>,
  today: string,
  count: number,
  fermetures: Fermeture[] = [],
): string[] {
  const target = JOURS.indexOf(p.jour);
  const dates: string[] = [];
  let d = addDays(today, (target - weekdayIndex(today) + 7) % 7);
  for (let guard = 0; dates.length < count && guard < 120; guard++, d = addDays(d, 7)) {
    if (p.semaines.length > 0 && !p.semaines.includes(semaineDuMois(d))) continue;
    if (fermetureLe(d, fermetures)) continue;
    if (annuleeLe(p, d)) continue;
    dates.push(d);
  }
  return dates;
}

const ORDINAUX = ['1er', '2e', '3e', '4e', '5e'];
/** "chaque mardi" or "le 1er et le 3e mardi du mois" */
export function formatRecurrence(p: Pick<Permanence, 'jour' | 'semaines'>): string {
  if (p.semaines.length === 0) return `chaque ${p.jour}`;
  const ords = [...p.semaines].sort().map((s) => `le ${ORDINAUX[s - 1]}`);
  const list = ords.length > 1 ? `${ords.slice(0, -1).join(', ')} et ${ords.at(-1)}` : ords[0];
  return `${list} ${p.jour} du mois`;
}

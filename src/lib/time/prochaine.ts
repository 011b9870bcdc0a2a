/**
 * Browser and build: "Next date" wording that never goes stale. The built page lists the coming dates as of the build
 * (always true: "au 26 novembre 2026"); src/components/ProchaineDate/prochaine-date.ts, in the browser, picks the first
 * one from today on and says "aujourd’hui" or "demain" when it is.
 */
import { addDays, formatDateLongue } from './dates.ts';

/** The first date from today on, or undefined when all are past. Dates are AAAA-MM-JJ, sorted or not. */
export const prochaine = (dates: string[], today: string): string | undefined => dates.filter((d) => d >= today).sort()[0];

/** « aujourd’hui, jeudi 26 novembre 2026 », « demain, … », or the date alone. */
export function libelleJour(iso: string, today: string): string {
  const date = formatDateLongue(iso);
  if (iso === today) return `aujourd’hui, ${date}`;
  if (iso === addDays(today, 1)) return `demain, ${date}`;
  return date;
}

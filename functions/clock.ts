/** The server's one clock, on Node and Workers alike: dates written, retention purge and notifications follow it. */
export type Clock = { now(): Date };

export const PINNED_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d{3})?Z)?$/;

/**
 * FABRIQUE_AUJOURDHUI=AAAA-MM-JJ pins "today" as for the build (src/lib/time/dates.ts), at noon in Rennes. The
 * servers also take an instant, AAAA-MM-JJTHH:MM:SSZ (the tests' fixed clock, given to the Worker).
 */
export function clockFrom(pinned: string | undefined): Clock {
  if (!pinned) return { now: () => new Date() };
  const fixed = new Date(pinned.includes('T') ? pinned : `${pinned}T11:00:00Z`).getTime();
  return { now: () => new Date(fixed) };
}

/** A French message when FABRIQUE_AUJOURDHUI is set to something else than a date. */
export function pinnedDateProblem(pinned: string | undefined): string | undefined {
  if (pinned && (!PINNED_DATE.test(pinned) || Number.isNaN(Date.parse(pinned))))
    return `FABRIQUE_AUJOURDHUI = « ${pinned} » : attendu une date AAAA-MM-JJ, par exemple 2027-01-15.`;
}

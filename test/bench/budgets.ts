/**
 * The budgets the form service's and the teams' inbox's benchmarks are held to (../shared/spec/budgets.md), in one place:
 * the benchmarks read them, print against them, and `npm run bench` exits non-zero when one is missed.
 */
export const FORMS_BUDGET = {
  /** Load: concurrent connections for `seconds`, fsync on every commit. */
  connections: 50,
  seconds: 10,
  minAcceptedPerSecond: 1000,
  maxP99Ms: 50,
  maxErrors: 0,
  maxLost: 0,
} as const;

export const DURABILITY_BUDGET = {
  /** kill -9 cycles of the server under load in the benchmark mode (the test suite runs a few). */
  cycles: 1000,
  maxLost: 0,
  maxDuplicated: 0,
} as const;

export const EQUIPE_BUDGET = {
  /** The teams' inbox (/equipe/) with 1,000 requests stored, on this machine: the list shown, one sealed request opened. */
  maxListMs: 1000,
  maxOpenMs: 300,
  /** First visit of any page, all bytes (compressed). */
  maxFirstVisitKB: 15,
} as const;

export type BudgetLine = { label: string; value: string; budget: string; ok: boolean };

export function printBudgetLines(title: string, lines: BudgetLine[]) {
  console.log(`\n${title}`);
  for (const l of lines)
    console.log(`  ${l.ok ? 'OK         ' : 'HORS BUDGET'} ${l.label.padEnd(28)} ${l.value.padStart(12)}   budget ${l.budget}`);
}

/** The rows of functions/ASVS.md and their counts per deployment path (a Worker + D1, b Node + SQLite, c Node × N + PostgreSQL). */
export const PATHS = ['a', 'b', 'c'] as const;
type Status = '✅' | '➖' | '⏳';
type Row = { id: string; statuses: Record<(typeof PATHS)[number], Status>; weight: number; where: string; tests: string };

/** The requirement rows: `| 1.2.3 … | ✅ | où | test |`, the status one symbol or `a ✅ · b ⏳ · c ⏳`, `(n)` for a group. */
export function rows(markdown: string): Row[] {
  const out: Row[] = [];
  for (const line of markdown.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length < 6 || !/^\d+\.\d+\.\d+/.test(cells[1]!)) continue;
    const [, id, status, where, tests] = cells as [string, string, string, string, string];
    const weight = Number(/\((\d+)\)/.exec(status)?.[1] ?? 1);
    const each = [...status.matchAll(/([abc]) ([✅➖⏳])/g)];
    const single = /[✅➖⏳]/.exec(status)?.[0] as Status | undefined;
    const statuses = Object.fromEntries(
      PATHS.map((p) => [p, (each.find((m) => m[1] === p)?.[2] as Status | undefined) ?? (each.length ? undefined : single)]),
    ) as Row['statuses'];
    out.push({ id, statuses, weight, where, tests });
  }
  return out;
}

export function counts(all: Row[]) {
  return Object.fromEntries(
    PATHS.map((p) => {
      const n = { '✅': 0, '➖': 0, '⏳': 0 };
      for (const r of all) n[r.statuses[p]] += r.weight;
      return [p, n];
    }),
  );
}

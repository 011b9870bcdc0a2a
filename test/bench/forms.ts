/**
 * Forms benchmark: accepted submissions per second and latency percentiles at 50 connections, against
 * the real Node server in its own process, with durable storage (SQLite WAL, synchronous=FULL) on the
 * real disk. Afterwards the rows are counted: every accepted submission must be there.
 */
import autocannon from 'autocannon';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { validSubmissions } from '../fixtures/valid-submissions.ts';
import { FORMS_BUDGET, printBudgetLines, type BudgetLine } from './budgets.ts';
import { spawnServer } from './server-process.ts';

const root = path.resolve(import.meta.dirname, '../..');

export type FormsBenchResult = {
  accepted: number;
  perSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  errors: number;
  refused: number;
  stored: number;
  lost: number;
  /** 1-minute load average when the run ended: the machine is shared, say how busy it was. */
  load: number;
};

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/**
 * The same load on every back-end: help offers posted as JSON to `origin`'s /f/agir for `seconds`; the
 * latency of each accepted one is added to `latencies`.
 */
export function postOffers(origin: string, connections: number, seconds: number, latencies: number[]) {
  const run = autocannon({
    url: `${origin}/f/agir`,
    connections,
    duration: seconds,
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', origin },
    body: JSON.stringify({ ...validSubmissions.agir, message: 'Bonjour, je souhaite aider le week-end. '.repeat(5) }),
  });
  run.on('response', (_client, status, _bytes, ms) => {
    if (status === 200) latencies.push(ms);
  });
  return run;
}

type LoadRun = { '2xx': number; duration: number; errors: number; timeouts: number; non2xx: number };

/** One back-end's figures from its load runs (one per instance, run side by side) and the rows it stored. */
export function summarize(runs: LoadRun[], latencies: number[], stored: number): FormsBenchResult {
  const sorted = [...latencies].sort((a, b) => a - b);
  const accepted = runs.reduce((n, r) => n + r['2xx'], 0);
  return {
    accepted,
    perSecond: accepted / Math.max(...runs.map((r) => r.duration)),
    p50Ms: percentile(sorted, 50),
    p95Ms: percentile(sorted, 95),
    p99Ms: percentile(sorted, 99),
    maxMs: sorted.at(-1) ?? 0,
    errors: runs.reduce((n, r) => n + r.errors + r.timeouts, 0),
    refused: runs.reduce((n, r) => n + r.non2xx, 0),
    stored,
    lost: Math.max(0, accepted - stored),
    load: loadavg()[0]!,
  };
}

export async function benchForms({
  connections = FORMS_BUDGET.connections,
  seconds = FORMS_BUDGET.seconds,
} = {}): Promise<FormsBenchResult> {
  // On the project's disk, not /tmp (which may be memory): fsync must reach a real device.
  mkdirSync(path.join(root, '.bench'), { recursive: true });
  const dir = mkdtempSync(path.join(root, '.bench', 'forms-'));
  const dbFile = path.join(dir, 'submissions.sqlite');
  const server = await spawnServer(dbFile);
  try {
    const latencies: number[] = [];
    const result = await postOffers(server.url, connections, seconds, latencies);
    server.child.kill('SIGTERM');
    await server.exited;
    const db = new DatabaseSync(dbFile, { readOnly: true });
    const stored = Number((db.prepare('SELECT count(*) AS n FROM submissions').get() as { n: number }).n);
    db.close();
    return summarize([result], latencies, stored);
  } finally {
    if (server.child.exitCode === null) server.child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
}

export function formsBudgetLines(r: FormsBenchResult): BudgetLine[] {
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  return [
    {
      label: 'envois acceptés/s',
      value: r.perSecond.toFixed(0),
      budget: `≥ ${FORMS_BUDGET.minAcceptedPerSecond}`,
      ok: r.perSecond >= FORMS_BUDGET.minAcceptedPerSecond,
    },
    { label: 'latence p99', value: ms(r.p99Ms), budget: `≤ ${FORMS_BUDGET.maxP99Ms} ms`, ok: r.p99Ms <= FORMS_BUDGET.maxP99Ms },
    { label: 'erreurs', value: String(r.errors), budget: `${FORMS_BUDGET.maxErrors}`, ok: r.errors <= FORMS_BUDGET.maxErrors },
    { label: 'perdus', value: String(r.lost), budget: `${FORMS_BUDGET.maxLost}`, ok: r.lost <= FORMS_BUDGET.maxLost },
  ];
}

export function printForms(r: FormsBenchResult) {
  printBudgetLines(
    `Formulaires — ${FORMS_BUDGET.connections} connexions, stockage durable (SQLite WAL, synchronous=FULL)`,
    formsBudgetLines(r),
  );
  console.log(
    `  latences : p50 ${r.p50Ms.toFixed(1)} ms, p95 ${r.p95Ms.toFixed(1)} ms, p99 ${r.p99Ms.toFixed(1)} ms, max ${r.maxMs.toFixed(1)} ms` +
      ` — ${r.accepted} acceptés, ${r.stored} en base, réponses non 2xx : ${r.refused} — charge de la machine ${r.load.toFixed(2)}`,
  );
}

/** One line per back-end, same load, same run: throughput, percentiles, errors, lost, and how busy the machine was. */
export function printBackends(rows: [string, FormsBenchResult][]) {
  console.log(`\nFormulaires par back-end (${FORMS_BUDGET.connections} connexions, ${FORMS_BUDGET.seconds} s chacun)`);
  console.log('  back-end                     envois/s   p50 (ms)   p95 (ms)   p99 (ms)   erreurs   non 2xx   perdus   charge');
  const ms = (n: number) => n.toFixed(1).padStart(8);
  for (const [name, r] of rows)
    console.log(
      `  ${name.padEnd(28)} ${r.perSecond.toFixed(0).padStart(8)}   ${ms(r.p50Ms)}   ${ms(r.p95Ms)}   ${ms(r.p99Ms)}   ${String(r.errors).padStart(7)}   ${String(r.refused).padStart(7)}   ${String(r.lost).padStart(6)}   ${r.load.toFixed(2).padStart(6)}`,
    );
}

/**
 * Issue 17, item 5: a flood of health checks must not change form latency. The forms load of forms.ts
 * (Node + SQLite, its own process, durable storage) runs twice on one server: alone, then with 10 more
 * connections sending GET /_sante as fast as they can. `npm run bench -- formulaires` prints both.
 */
import autocannon from 'autocannon';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { FORMS_BUDGET } from './budgets.ts';
import { postOffers, summarize, type FormsBenchResult } from './forms.ts';
import { spawnServer } from './server-process.ts';

const root = path.resolve(import.meta.dirname, '../..');

export type HealthFloodResult = { alone: FormsBenchResult; flooded: FormsBenchResult; healthChecksPerSecond: number };

export async function benchHealthFlood({
  connections = FORMS_BUDGET.connections,
  seconds = FORMS_BUDGET.seconds,
  // 50 + 10 connections from one address: under the cap of 64 per client (node/connection-limits.ts).
  floodConnections = 10,
} = {}): Promise<HealthFloodResult> {
  mkdirSync(path.join(root, '.bench'), { recursive: true });
  const dir = mkdtempSync(path.join(root, '.bench', 'sante-'));
  const server = await spawnServer(path.join(dir, 'submissions.sqlite'));
  try {
    const aloneLatencies: number[] = [];
    const alone = summarize([await postOffers(server.url, connections, seconds, aloneLatencies)], aloneLatencies, 0);
    const floodedLatencies: number[] = [];
    const flood = autocannon({ url: `${server.url}/_sante`, connections: floodConnections, duration: seconds });
    const [forms, checks] = await Promise.all([postOffers(server.url, connections, seconds, floodedLatencies), flood]);
    const flooded = summarize([forms], floodedLatencies, 0);
    return { alone, flooded, healthChecksPerSecond: checks.requests.average };
  } finally {
    server.child.kill('SIGKILL');
    await server.exited;
    rmSync(dir, { recursive: true, force: true });
  }
}

export function printHealthFlood(r: HealthFloodResult) {
  const line = (name: string, f: FormsBenchResult) =>
    `  ${name.padEnd(34)} ${f.perSecond.toFixed(0).padStart(8)}   ${f.p50Ms.toFixed(1).padStart(8)}   ${f.p99Ms.toFixed(1).padStart(8)}   ${String(f.errors).padStart(7)}`;
  console.log(`\nFormulaires pendant un flot de GET /_sante (Node + SQLite, ${FORMS_BUDGET.connections} connexions)`);
  console.log('  charge                             envois/s   p50 (ms)   p99 (ms)   erreurs');
  console.log(line('formulaires seuls', r.alone));
  console.log(line(`avec ${r.healthChecksPerSecond.toFixed(0)} contrôles de santé/s`, r.flooded));
}

/**
 * Forms benchmark: accepted submissions per second and p99 latency at 50 connections, against the real
 * Node server in its own process, with durable storage (SQLite WAL, synchronous=FULL) on the real disk.
 * Afterwards the rows are counted: every accepted submission must be there. Reports; does not fail a build.
 */
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { validSubmissions } from '../fixtures/valid-submissions.ts';

const root = path.resolve(import.meta.dirname, '../..');
export const FORMS_BUDGET = { perSecond: 1000, p99Ms: 50 };

export type FormsBenchResult = {
  accepted: number;
  perSecond: number;
  p99Ms: number;
  errors: number;
  refused: number;
  stored: number;
  lost: number;
};

export async function benchForms({ connections = 50, seconds = 10 } = {}): Promise<FormsBenchResult> {
  // On the project's disk, not /tmp (which may be memory): fsync must reach a real device.
  const dir = mkdtempSync(path.join(root, '.bench', 'forms-'));
  const dbFile = path.join(dir, 'submissions.sqlite');
  const child = spawn(process.execPath, ['test/fixtures/server-child.ts', dbFile, path.join(root, 'dist')], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (c: Buffer) => {
        const m = /URL (\S+)/.exec(c.toString());
        if (m) resolve(m[1]!);
      });
      child.on('exit', () => reject(new Error('le serveur s’est arrêté')));
    });
    const result = await autocannon({
      url: `${url}/f/agir`,
      connections,
      duration: seconds,
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', origin: url },
      body: JSON.stringify({ ...validSubmissions.agir, message: 'Bonjour, je souhaite aider le week-end. '.repeat(5) }),
    });
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    const db = new DatabaseSync(dbFile, { readOnly: true });
    const stored = Number((db.prepare('SELECT count(*) AS n FROM submissions').get() as { n: number }).n);
    db.close();
    const accepted = result['2xx'];
    return {
      accepted,
      perSecond: accepted / result.duration,
      p99Ms: result.latency.p99,
      errors: result.errors + result.timeouts,
      refused: result.non2xx,
      stored,
      lost: Math.max(0, accepted - stored),
    };
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
}

export function printForms(r: FormsBenchResult) {
  const ok = (pass: boolean) => (pass ? 'OK ' : 'HORS BUDGET');
  console.log('\nFormulaires — 50 connexions, stockage durable (SQLite WAL, synchronous=FULL)');
  console.log(
    `  envois acceptés/s : ${r.perSecond.toFixed(0).padStart(6)}   budget ≥ ${FORMS_BUDGET.perSecond}   ${ok(r.perSecond >= FORMS_BUDGET.perSecond)}`,
  );
  console.log(
    `  latence p99       : ${String(r.p99Ms).padStart(6)} ms budget ≤ ${FORMS_BUDGET.p99Ms} ms ${ok(r.p99Ms <= FORMS_BUDGET.p99Ms)}`,
  );
  console.log(
    `  erreurs           : ${String(r.errors).padStart(6)}   budget 0      ${ok(r.errors === 0)}   (réponses non 2xx : ${r.refused})`,
  );
  console.log(
    `  perdus            : ${String(r.lost).padStart(6)}   budget 0      ${ok(r.lost === 0)}   (${r.accepted} acceptés, ${r.stored} en base)`,
  );
}

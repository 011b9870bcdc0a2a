/**
 * Durability benchmark: N cycles of start → load → kill -9 of the real server on one SQLite file. The
 * clients give every submission its own idempotency key and, as a careful client does, retry one that
 * got no answer with the same key after the restart. At the end every acknowledged submission must be
 * stored (lost: 0) and none stored twice (duplicated: 0). `npm run bench -- durabilite [N]`; the test
 * suite runs a few cycles (test/functions/durability.test.ts).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { validSubmissions } from '../fixtures/valid-submissions.ts';
import { DURABILITY_BUDGET, printBudgetLines } from './budgets.ts';
import { spawnServer } from './server-process.ts';

const root = path.resolve(import.meta.dirname, '../..');

export type DurabilityResult = {
  cycles: number;
  sent: number;
  acknowledged: number;
  stored: number;
  lost: number;
  duplicated: number;
  integrity: string;
  seconds: number;
};

export async function benchDurability({
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- widens the budget's literal type so callers may pass any count
  cycles = DURABILITY_BUDGET.cycles as number,
  workers = 16,
  /** Load before each kill, ms: random in this range so the kill lands anywhere in a commit. */
  loadMs = [30, 250] as [number, number],
  progress = (_line: string) => {},
} = {}): Promise<DurabilityResult> {
  mkdirSync(path.join(root, '.bench'), { recursive: true });
  const dir = mkdtempSync(path.join(root, '.bench', 'kill-'));
  const dbFile = path.join(dir, 'submissions.sqlite');
  const started = performance.now();
  const acknowledged = new Set<string>(); // idempotency keys answered 200
  let unanswered: string[] = []; // keys sent without an answer: retried after the restart
  let next = 0;
  let sent = 0;
  try {
    for (let cycle = 0; cycle < cycles; cycle++) {
      const server = await spawnServer(dbFile, path.join(dir, 'dist'));
      let killed = false;
      const retry = unanswered;
      unanswered = [];
      const submit = async (key: string) => {
        sent++;
        try {
          const res = await fetch(`${server.url}/f/agir`, {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              accept: 'application/json',
              origin: server.url,
              'idempotency-key': key,
            },
            body: JSON.stringify({ ...validSubmissions.agir, message: `Envoi ${key}` }),
          });
          if (res.status === 200) acknowledged.add(key);
          else unanswered.push(key);
        } catch {
          unanswered.push(key); // connection cut by the kill
        }
      };
      const worker = async () => {
        while (!killed) await submit(retry.pop() ?? `cle-${String(next++).padStart(8, '0')}`);
      };
      const load = Promise.all(Array.from({ length: workers }, worker));
      await new Promise((r) => setTimeout(r, loadMs[0] + Math.random() * (loadMs[1] - loadMs[0])));
      server.child.kill('SIGKILL');
      killed = true;
      await server.exited;
      await load;
      if ((cycle + 1) % 50 === 0) progress(`  ${cycle + 1} cycles, ${acknowledged.size} acquittés`);
    }
    const db = new DatabaseSync(dbFile, { readOnly: true });
    const integrity = (db.prepare('PRAGMA integrity_check').get() as { integrity_check: string }).integrity_check;
    const rows = db.prepare('SELECT idempotency_key AS k, data_json AS j FROM submissions').all() as { k: string; j: string }[];
    db.close();
    // Counted from the content, not the key column: a duplicate would be a second row with the same text.
    const byText = new Map<string, number>();
    for (const r of rows) {
      const text = (JSON.parse(r.j) as { message: string }).message;
      byText.set(text, (byText.get(text) ?? 0) + 1);
    }
    const storedKeys = new Set(rows.map((r) => r.k));
    return {
      cycles,
      sent,
      acknowledged: acknowledged.size,
      stored: rows.length,
      lost: [...acknowledged].filter((k) => !storedKeys.has(k)).length,
      duplicated: [...byText.values()].filter((n) => n > 1).length,
      integrity,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const durabilityBudgetLines = (r: DurabilityResult) => [
  {
    label: 'cycles kill -9',
    value: String(r.cycles),
    budget: `${DURABILITY_BUDGET.cycles}`,
    ok: r.cycles >= DURABILITY_BUDGET.cycles,
  },
  { label: 'perdus', value: String(r.lost), budget: `${DURABILITY_BUDGET.maxLost}`, ok: r.lost <= DURABILITY_BUDGET.maxLost },
  {
    label: 'en double',
    value: String(r.duplicated),
    budget: `${DURABILITY_BUDGET.maxDuplicated}`,
    ok: r.duplicated <= DURABILITY_BUDGET.maxDuplicated,
  },
  { label: 'intégrité de la base', value: r.integrity, budget: 'ok', ok: r.integrity === 'ok' },
];

export function printDurability(r: DurabilityResult) {
  printBudgetLines('Durabilité — kill -9 du serveur sous charge', durabilityBudgetLines(r));
  console.log(`  ${r.sent} envois tentés, ${r.acknowledged} acquittés, ${r.stored} en base, en ${r.seconds.toFixed(0)} s`);
}

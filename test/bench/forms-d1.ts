/**
 * The forms benchmark on the Worker (functions/worker.ts, bundled as deployed) on workerd with a local D1,
 * served by Miniflare on this machine: the same load as forms.ts, same run. Locally D1 is a SQLite file
 * behind workerd's own D1 service; in production it is a remote database, so these figures say what the
 * code costs, not what Cloudflare's network adds.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { workerData } from '../../functions/worker/build.ts';
import { startWorker } from '../functions/worker-server.ts';
import { FORMS_BUDGET } from './budgets.ts';
import { postOffers, summarize, type FormsBenchResult } from './forms.ts';

const root = path.resolve(import.meta.dirname, '../..');
export async function benchFormsD1({
  connections = FORMS_BUDGET.connections,
  seconds = FORMS_BUDGET.seconds,
} = {}): Promise<FormsBenchResult> {
  // On the project's disk, as the SQLite benchmark: the local D1 is a file.
  mkdirSync(path.join(root, '.bench'), { recursive: true });
  const dir = mkdtempSync(path.join(root, '.bench', 'forms-d1-'));
  const worker = await startWorker({
    data: await workerData(),
    persistDir: dir,
    vars: { FABRIQUE_DEMONSTRATION: 'oui', FORMS_RATE_LIMIT: '1000000' },
  });
  try {
    const latencies: number[] = [];
    const result = await postOffers(worker.url, connections, seconds, latencies);
    const stored = Number((await worker.db.prepare('SELECT count(*) AS n FROM submissions').first<{ n: number }>())!.n);
    return summarize([result], latencies, stored);
  } finally {
    await worker.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The inbox store's contract on D1 (Miniflare, workerd). */
import { afterAll } from 'vitest';
import { D1Store } from '../../functions/store/d1.ts';
import { equipeStoreContract } from './equipe-store-contract.ts';
import { emptyD1 } from './harness-backends.ts';
import { localD1 } from './local-d1.ts';

// One workerd for the file, its tables emptied between tests (a new one costs a second or more).
let shared: ReturnType<typeof localD1> | undefined;
afterAll(async () => (await shared)?.mf.dispose());
equipeStoreContract('D1 (Miniflare)', async () => {
  const reused = shared !== undefined;
  const { db } = await (shared ??= localD1());
  if (reused) await emptyD1(db);
  const store = new D1Store(db);
  return {
    store,
    exec: (sql) => db.prepare(sql).run(),
    cleanup: () => store.close(),
  };
});

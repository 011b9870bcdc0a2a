/** The inbox store's contract on D1 (Miniflare, workerd). */
import { D1Store } from '../../functions/store/d1.ts';
import { equipeStoreContract } from './equipe-store-contract.ts';
import { localD1 } from './local-d1.ts';

equipeStoreContract('D1 (Miniflare)', async () => {
  const { mf, db } = await localD1();
  const store = new D1Store(db);
  return {
    store,
    exec: (sql) => db.prepare(sql).run(),
    cleanup: async () => {
      await store.close();
      await mf.dispose();
    },
  };
});

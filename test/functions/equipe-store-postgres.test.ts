/** The inbox store's contract on PostgreSQL (skipped, loudly, without a test server). */
import { it } from 'vitest';
import { PostgresStore } from '../../functions/store/postgres.ts';
import { equipeStoreContract } from './equipe-store-contract.ts';
import { freshDatabase, noPostgres as checkPostgres } from './postgres-server.ts';

if (!(await checkPostgres()))
  equipeStoreContract('PostgreSQL', async () => {
    const db = await freshDatabase();
    const store = await PostgresStore.open(db.url);
    return {
      store,
      exec: (sql) => store.pool.query(sql),
      cleanup: async () => {
        await store.close();
        await db.drop();
      },
    };
  });
else it.skip('PostgreSQL absent: contract not run', () => {});

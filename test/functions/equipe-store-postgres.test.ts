/** The inbox store's contract on PostgreSQL (skipped, loudly, without a test server). */
import { afterAll, it } from 'vitest';
import type { PostgresStore } from '../../functions/store/postgres.ts';
import { equipeStoreContract } from './equipe-store-contract.ts';
import { postgresBackend, type TestBackend } from './harness-backends.ts';
import { noPostgres as checkPostgres } from './postgres-server.ts';

// One database for the file, its tables emptied between tests.
let shared: Promise<TestBackend> | undefined;
afterAll(async () => (await shared)?.close(false));
if (!(await checkPostgres()))
  equipeStoreContract('PostgreSQL', async () => {
    const reused = shared !== undefined;
    const backend = await (shared ??= postgresBackend());
    if (reused) await backend.empty();
    const store = backend.store as PostgresStore;
    return {
      store,
      exec: (sql) => store.pool.query(sql),
      cleanup: async () => {},
    };
  });
else it.skip('PostgreSQL absent: contract not run', () => {});

/** The inbox store's contract on SQLite (writes on their own writer thread). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SqliteStore } from '../../functions/store/sqlite.ts';
import { equipeStoreContract } from './equipe-store-contract.ts';

equipeStoreContract('SQLite', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'equipe-'));
  const store = new SqliteStore(path.join(dir, 'submissions.sqlite'));
  return {
    store,
    exec: async (sql) => store.db.exec(sql),
    cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

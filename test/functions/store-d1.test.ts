/**
 * The D1 store on the platform's own local runtime: Miniflare (workerd) from Node, its D1 binding
 * reached through getD1Database(). The shared contract, then the migrations as wrangler records them.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { D1Store, migrateD1, MIGRATION_NAMES } from '../../functions/store/d1.ts';
import { readdirSync, readFileSync } from 'node:fs';
import { D1_MIGRATIONS_DIR, migrationFile } from '../../functions/store/d1-migrations-write.ts';
import { MIGRATIONS } from '../../functions/store/sqlite-migrations.ts';
import { storeContract } from './store-contract.ts';
import { localD1 } from './local-d1.ts';
import { emptyD1 } from './harness-backends.ts';

// One workerd for the contract's tests, its tables emptied between them (a new one costs a second or more).
let shared: ReturnType<typeof localD1> | undefined;
afterAll(async () => (await shared)?.mf.dispose());
storeContract(
  'D1 (Miniflare)',
  async () => {
    const reused = shared !== undefined;
    shared ??= localD1();
    const { db } = await shared;
    if (reused) await emptyD1(db);
    const store = new D1Store(db);
    return { store, cleanup: () => store.close() };
  },
  { groupCommit: false },
);

describe('D1 job lease (runAlone)', () => {
  it('one run at a time: a second is refused while the first holds the lease, then may run', async () => {
    const { mf, db } = await localD1({ migrated: false });
    try {
      await migrateD1(db);
      const [a, b] = [new D1Store(db), new D1Store(db)];
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      const runs: string[] = [];
      const first = a.runAlone('notifications', async () => {
        runs.push('a');
        await held;
      });
      await new Promise((r) => setTimeout(r, 50));
      expect(await b.runAlone('notifications', async () => void runs.push('b'))).toBe(false);
      // Another job has its own lease.
      expect(await b.runAlone('purge', async () => void runs.push('purge'))).toBe(true);
      release();
      expect(await first).toBe(true);
      expect(await b.runAlone('notifications', async () => void runs.push('b'))).toBe(true);
      expect(runs).toEqual(['a', 'purge', 'b']);
    } finally {
      await mf.dispose();
    }
  });

  it('a lease left by a run that died is taken over once it has expired, and freed after a failure', async () => {
    const { mf, db } = await localD1({ migrated: false });
    try {
      await migrateD1(db);
      const store = new D1Store(db);
      await db
        .prepare('INSERT INTO rate_limits (key, window_end, count) VALUES (?, ?, ?)')
        .bind('bail:purge', Date.now() + 60_000, 7)
        .run();
      expect(await store.runAlone('purge', async () => {})).toBe(false);
      await db
        .prepare('UPDATE rate_limits SET window_end = ? WHERE key = ?')
        .bind(Date.now() - 1, 'bail:purge')
        .run();
      await expect(store.runAlone('purge', async () => Promise.reject(new Error('panne')))).rejects.toThrow('panne');
      expect(await store.runAlone('purge', async () => {})).toBe(true);
    } finally {
      await mf.dispose();
    }
  });
});

describe('D1 migrations', () => {
  it('the same list as SQLite, recorded under wrangler’s names, applied once', async () => {
    const { mf, db } = await localD1({ migrated: false });
    try {
      expect(MIGRATION_NAMES).toHaveLength(MIGRATIONS.length);
      await migrateD1(db);
      await migrateD1(db);
      const { results } = await db.prepare('SELECT name FROM d1_migrations ORDER BY id').all<{ name: string }>();
      expect(results.map((r) => r.name)).toEqual(MIGRATION_NAMES);
    } finally {
      await mf.dispose();
    }
  });

  it('wrangler’s migration files are the list itself (node functions/store/d1-migrations-write.ts)', () => {
    expect(readdirSync(D1_MIGRATIONS_DIR).sort()).toEqual(MIGRATION_NAMES);
    MIGRATION_NAMES.forEach((name, i) => expect(readFileSync(`${D1_MIGRATIONS_DIR}${name}`, 'utf8')).toBe(migrationFile(i)));
  });
});

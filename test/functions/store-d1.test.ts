/**
 * The D1 store on the platform's own local runtime: Miniflare (workerd) from Node, its D1 binding
 * reached through getD1Database(). The shared contract, then the migrations as wrangler records them.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { D1Store, migrateD1, MIGRATION_NAMES, type D1Like } from '../../functions/store/d1.ts';
import { readdirSync, readFileSync } from 'node:fs';
import { D1_MIGRATIONS_DIR, migrationFile } from '../../functions/store/d1-migrations-write.ts';
import { MIGRATIONS } from '../../functions/store/sqlite-migrations.ts';
import { storeContract } from './store-contract.ts';
import { localD1 } from './local-d1.ts';
import { emptyD1 } from './harness-backends.ts';

// One workerd for the file (a new one costs a second or more): the contract's database, its tables emptied
// between tests, and a new unmigrated database for each test below that needs one.
const SPARE = ['LEASE_ONE', 'LEASE_DIED', 'MIGRATIONS'] as const;
let shared: ReturnType<typeof localD1> | undefined;
const workerd = () => (shared ??= localD1({ spare: [...SPARE] }));
afterAll(async () => (await shared)?.mf.dispose());
/** A new database, never migrated, in the file's workerd. */
const unmigrated = async (name: (typeof SPARE)[number]) => (await (await workerd()).mf.getD1Database(name)) as unknown as D1Like;
storeContract(
  'D1 (Miniflare)',
  async () => {
    const reused = shared !== undefined;
    const { db } = await workerd();
    if (reused) await emptyD1(db);
    const store = new D1Store(db);
    return { store, cleanup: () => store.close() };
  },
  { groupCommit: false },
);

describe('D1 job lease (runAlone)', () => {
  it('one run at a time: a second is refused while the first holds the lease, then may run', async () => {
    const db = await unmigrated('LEASE_ONE');
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
  });

  it('a lease left by a run that died is taken over once it has expired, and freed after a failure', async () => {
    const db = await unmigrated('LEASE_DIED');
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
  });
});

describe('D1 migrations', () => {
  it('the same list as SQLite, recorded under wrangler’s names, applied once', async () => {
    const db = await unmigrated('MIGRATIONS');
    expect(MIGRATION_NAMES).toHaveLength(MIGRATIONS.length);
    await migrateD1(db);
    await migrateD1(db);
    const { results } = await db.prepare('SELECT name FROM d1_migrations ORDER BY id').all<{ name: string }>();
    expect(results.map((r) => r.name)).toEqual(MIGRATION_NAMES);
  });

  it('wrangler’s migration files are the list itself (node functions/store/d1-migrations-write.ts)', () => {
    expect(readdirSync(D1_MIGRATIONS_DIR).sort()).toEqual(MIGRATION_NAMES);
    MIGRATION_NAMES.forEach((name, i) => expect(readFileSync(`${D1_MIGRATIONS_DIR}${name}`, 'utf8')).toBe(migrationFile(i)));
  });
});

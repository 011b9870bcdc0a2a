/**
 * The D1 store on the platform's own local runtime: Miniflare (workerd) from Node, its D1 binding
 * reached through getD1Database(). The shared contract, then the migrations as wrangler records them.
 */
import { Miniflare } from 'miniflare';
import { describe, expect, it } from 'vitest';
import { D1Store, migrateD1, MIGRATION_NAMES, type D1Like } from '../../functions/store/d1.ts';
import { readdirSync, readFileSync } from 'node:fs';
import { D1_MIGRATIONS_DIR, migrationFile } from '../../functions/store/d1-migrations-write.ts';
import { MIGRATIONS } from '../../functions/store/sqlite-migrations.ts';
import { storeContract } from './store-contract.ts';

async function localD1() {
  const mf = new Miniflare({
    modules: true,
    script: 'export default { fetch() { return new Response(null, { status: 404 }) } }',
    compatibilityDate: '2026-01-01',
    d1Databases: ['DB'],
  });
  const db = (await mf.getD1Database('DB')) as unknown as D1Like;
  return { mf, db };
}

storeContract('D1 (Miniflare)', async () => {
  const { mf, db } = await localD1();
  await migrateD1(db);
  const store = new D1Store(db);
  return {
    store,
    cleanup: async () => {
      await store.close();
      await mf.dispose();
    },
  };
});

describe('D1 migrations', () => {
  it('the same list as SQLite, recorded under wrangler’s names, applied once', async () => {
    const { mf, db } = await localD1();
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

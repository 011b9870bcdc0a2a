/** A D1 database on the platform's local runtime (Miniflare, workerd), for the store contracts. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Miniflare } from 'miniflare';
import { migrateD1, type D1Like } from '../../functions/store/d1.ts';
import { compatibilityDate } from '../../functions/worker/compatibility-date.ts';

/**
 * spare: more databases in the same workerd, empty and unmigrated, each reached by
 * mf.getD1Database(name): a test needing a new database gets one without starting another workerd.
 */
export async function localD1({ migrated = true, spare = [] as string[] } = {}): Promise<{ mf: Miniflare; db: D1Like }> {
  const mf = new Miniflare({
    modules: true,
    script: 'export default { fetch() { return new Response(null, { status: 404 }) } }',
    compatibilityDate: compatibilityDate(),
    d1Databases: ['DB', ...spare],
  });
  const db = (await mf.getD1Database('DB')) as unknown as D1Like;
  if (migrated) await migrateD1(db);
  return { mf, db };
}

/** A project folder as `wrangler dev` leaves it: its configuration, its local D1 in .wrangler/state. */
export function localD1Project(parent: string, name: string, id: string) {
  const folder = path.join(parent, name);
  mkdirSync(folder);
  const config = path.join(folder, 'wrangler.jsonc');
  writeFileSync(
    config,
    JSON.stringify({
      name: 'essai',
      compatibility_date: compatibilityDate(),
      d1_databases: [{ binding: 'DB', database_name: 'fabrique-formulaires', database_id: id }],
    }),
  );
  const open = async () => {
    const mf = new Miniflare({
      modules: true,
      script: 'export default { fetch() { return new Response(null, { status: 404 }) } }',
      compatibilityDate: compatibilityDate(),
      d1Databases: { DB: id },
      d1Persist: path.join(folder, '.wrangler/state/v3/d1'),
    });
    return { mf, db: (await mf.getD1Database('DB')) as unknown as D1Like };
  };
  return { config, open };
}

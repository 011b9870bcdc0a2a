/** A D1 database on the platform's local runtime (Miniflare, workerd), for the store contracts. */
import { Miniflare } from 'miniflare';
import { migrateD1, type D1Like } from '../../functions/store/d1.ts';
import { compatibilityDate } from '../../functions/worker/compatibility-date.ts';

export async function localD1({ migrated = true } = {}): Promise<{ mf: Miniflare; db: D1Like }> {
  const mf = new Miniflare({
    modules: true,
    script: 'export default { fetch() { return new Response(null, { status: 404 }) } }',
    compatibilityDate: compatibilityDate(),
    d1Databases: ['DB'],
  });
  const db = (await mf.getD1Database('DB')) as unknown as D1Like;
  if (migrated) await migrateD1(db);
  return { mf, db };
}

/**
 * The PostgreSQL server the tests use: its URL comes from FABRIQUE_TEST_PG_URL (`.ci/run` starts a
 * throw-away cluster with `.ci/postgres` and sets it). Each test gets its own database, dropped after.
 * No server outside CI: the PostgreSQL tests are skipped with a loud message; in CI (CI=true) that is
 * a failure, never a silent skip.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const PG_URL = process.env.FABRIQUE_TEST_PG_URL;

async function reachable(url: string | undefined): Promise<string | undefined> {
  if (!url) return 'FABRIQUE_TEST_PG_URL n’est pas défini';
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return undefined;
  } catch (error) {
    return `${url} ne répond pas (${(error as Error).message})`;
  } finally {
    await client.end().catch(() => {});
  }
}

const why = await reachable(PG_URL);
if (why && process.env.CI === 'true') throw new Error(`PostgreSQL requis en CI : ${why}. Lancer les tests par .ci/run.`);
if (why)
  console.warn(
    `\n!!! Tests PostgreSQL SAUTÉS : ${why}.\n!!! Démarrer un serveur jetable : eval "$(bash .ci/postgres)" && export FABRIQUE_TEST_PG_URL\n`,
  );
export const noPostgres = why !== undefined;

/** A new empty database on the test server; drop() removes it (connections still open are ended). */
export async function freshDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `essai_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(PG_URL!);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

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

let checked: Promise<boolean> | undefined;
/** True when the tests have no PostgreSQL to run on (said loudly); in CI that is an error. */
export function noPostgres(): Promise<boolean> {
  return (checked ??= reachable(PG_URL).then((why) => {
    if (why && process.env.CI === 'true') throw new Error(`PostgreSQL requis en CI : ${why}. Lancer les tests par .ci/run.`);
    if (why)
      console.warn(
        `\n!!! Tests PostgreSQL SAUTÉS : ${why}.\n!!! Serveur jetable : eval "$(bash .ci/postgres)" && export FABRIQUE_TEST_PG_URL\n`,
      );
    return why !== undefined;
  }));
}

/** A new empty database on the test server; drop() removes it (connections still open are ended). */
export async function freshDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `essai_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(PG_URL!);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: dropDatabase(url.toString()) };
}

/** Drops a test database, ending the connections still open to it. */
export function dropDatabase(url: string): () => Promise<void> {
  const name = new URL(url).pathname.slice(1);
  return async () => {
    const c = new pg.Client({ connectionString: PG_URL });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  };
}

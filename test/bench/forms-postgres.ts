/**
 * The forms benchmark on two Node instances sharing one PostgreSQL, as behind a load balancer: the same
 * load as forms.ts, half the connections on each instance, same run. The server is FABRIQUE_TEST_PG_URL,
 * or a throw-away cluster started here with .ci/postgres (Debian's postgresql, as root).
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { FORMS_BUDGET } from './budgets.ts';
import { postOffers, summarize, type FormsBenchResult } from './forms.ts';
import { spawnServer } from './server-process.ts';

const root = path.resolve(import.meta.dirname, '../..');
async function server(): Promise<{ url: string; stop: () => void }> {
  if (process.env.FABRIQUE_TEST_PG_URL) return { url: process.env.FABRIQUE_TEST_PG_URL, stop: () => {} };
  const out = execFileSync('bash', [path.join(root, '.ci/postgres')], { encoding: 'utf8' });
  const url = /FABRIQUE_TEST_PG_URL=(\S+)/.exec(out)![1]!;
  const dir = /FABRIQUE_TEST_PG_DIR=(\S+)/.exec(out)![1]!;
  return { url, stop: () => execFileSync('bash', [path.join(root, '.ci/postgres'), 'stop', dir]) };
}

export async function benchFormsPostgres({
  connections = FORMS_BUDGET.connections,
  seconds = FORMS_BUDGET.seconds,
  instances = 2,
} = {}): Promise<FormsBenchResult> {
  const cluster = await server();
  const name = `banc_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: cluster.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const dbUrl = new URL(cluster.url);
  dbUrl.pathname = `/${name}`;
  const servers = [];
  try {
    for (let i = 0; i < instances; i++) servers.push(await spawnServer('', undefined, { DATABASE_URL: dbUrl.toString() }));
    const latencies: number[] = [];
    const results = await Promise.all(
      servers.map((s) => postOffers(s.url, Math.ceil(connections / instances), seconds, latencies)),
    );
    for (const s of servers) s.child.kill('SIGTERM');
    await Promise.all(servers.map((s) => s.exited));
    const db = new pg.Client({ connectionString: dbUrl.toString() });
    await db.connect();
    const stored = Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM submissions')).rows[0]!.n);
    await db.end();
    return summarize(results, latencies, stored);
  } finally {
    for (const s of servers) if (s.child.exitCode === null) s.child.kill('SIGKILL');
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
    await admin.end();
    cluster.stop();
  }
}

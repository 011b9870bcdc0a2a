/**
 * Issue 20: a base whose migration bookkeeping says "up to date" but that lacks a table — as one made by the
 * unreleased commits 6517768 and its child, whose 7th migration was a placeholder — stops the server at start
 * with a French message naming what is missing (EXPLOITATION.md, « Dépannage »), instead of serving 503s.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { PostgresStore } from '../../functions/store/postgres.ts';
import { SchemaDriftError } from '../../functions/store/schema-check.ts';
import { openDatabase } from '../../functions/store/sqlite-open.ts';
import { freshDatabase, noPostgres } from './postgres-server.ts';

const root = path.resolve(import.meta.dirname, '../..');
const withoutPostgres = await noPostgres();
const dir = mkdtempSync(path.join(tmpdir(), 'schema-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a base that says it is up to date but lacks a table', () => {
  const file = path.join(dir, 'submissions.sqlite');

  it('SQLite: opening it is refused, naming the table', () => {
    openDatabase(file).close();
    expect(() => openDatabase(file).close()).not.toThrow();
    const db = openDatabase(file);
    db.exec('DROP TABLE private_links');
    db.close();
    expect(() => openDatabase(file)).toThrow(SchemaDriftError);
    expect(() => openDatabase(file)).toThrow(
      /il lui manque la table private_links : elle a été faite par une version de développement/,
    );
  });

  it('SQLite: the Node server does not start, and says why in one line without a stack', () => {
    const run = spawnSync(path.join(root, 'node_modules/.bin/node'), ['functions/node.ts'], {
      cwd: root,
      env: { ...process.env, DB_PATH: file, PORT: '0' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.status).toBe(1);
    const line = JSON.parse(run.stderr.trim().split('\n').at(-1)!) as { message: string; pile?: string };
    expect(line.message).toMatch(/^Le serveur ne démarre pas : .*il lui manque la table private_links/);
    expect(line.pile).toBeUndefined();
    expect(run.stderr).not.toMatch(/\n\s+at /);
  }, 30_000);

  it.skipIf(withoutPostgres)('PostgreSQL: opening it is refused, naming the table', async () => {
    const { url, drop } = await freshDatabase();
    try {
      await (await PostgresStore.open(url)).close();
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query('DROP TABLE private_links');
      await client.end();
      await expect(PostgresStore.open(url)).rejects.toThrow(/il lui manque la table private_links/);
    } finally {
      await drop();
    }
  });
});

/**
 * The two migration lists (sqlite-migrations.ts, which D1 shares, and postgres-migrations.ts) build the same
 * schema: both real databases are migrated, then introspected (SQLite's pragmas, PostgreSQL's
 * information_schema and pg_indexes) and compared table by table, column by column, index by index.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import pg from 'pg';
import { expect, it } from 'vitest';
import { openDatabase } from '../../functions/store/sqlite-open.ts';
import { PostgresStore } from '../../functions/store/postgres.ts';
import { freshDatabase, noPostgres as checkPostgres } from './postgres-server.ts';

const noPostgres = await checkPostgres();

type Column = { name: string; type: string; notNull: boolean; default: string | null; primaryKey: boolean };
type Schema = { tables: Record<string, Column[]>; indexes: Record<string, string> };

/** Each engine's own tables, not the store's schema: migration bookkeeping. */
const BOOKKEEPING = new Set(['schema_migrations', 'sqlite_sequence']);
/** What differs on purpose, with why; anything else that differs fails the test. */
const PG_ONLY_INDEXES: Record<string, string> = {
  outbox_submission: 'PostgreSQL deletes an outbox row per submission through the foreign key: indexed to avoid a scan',
};

/** SQLite's declared types as PostgreSQL names them (INTEGER is 64-bit in SQLite: integer or bigint). */
const TYPES: Record<string, string[]> = { TEXT: ['text'], INTEGER: ['integer', 'bigint'], BLOB: ['bytea'] };

/** A default as both write it: 'pending'::text and 'pending' are the same default. */
const normalDefault = (d: string | null) => (d === null ? null : d.replace(/::[a-z ]+$/, ''));

/** An index's definition without the engine's wording: columns and condition. */
const normalIndex = (sql: string) =>
  sql
    .replace(
      /^CREATE (UNIQUE )?INDEX \w+ ON (public\.)?(\w+)( USING btree)?\s*/i,
      (_, u: string | undefined, _p, t: string) => `${u ? 'unique ' : ''}${t}`,
    )
    .replace(/[()\s]/g, '')
    .toLowerCase();

function sqliteSchema(db: DatabaseSync): Schema {
  const tables = (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all() as { name: string }[])
    .map((t) => t.name)
    .filter((t) => !BOOKKEEPING.has(t));
  const schema: Schema = { tables: {}, indexes: {} };
  for (const table of tables) {
    const info = db.prepare(`PRAGMA table_info(${table})`).all() as {
      name: string;
      type: string;
      notnull: number;
      dflt_value: string | null;
      pk: number;
    }[];
    schema.tables[table] = info.map((c) => ({
      name: c.name,
      type: c.type,
      notNull: c.notnull === 1 || c.pk > 0,
      default: normalDefault(c.dflt_value),
      primaryKey: c.pk > 0,
    }));
  }
  const indexes = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL").all() as {
    name: string;
    sql: string;
  }[];
  for (const i of indexes) schema.indexes[i.name] = normalIndex(i.sql);
  return schema;
}

async function postgresSchema(client: pg.Client): Promise<Schema> {
  const { rows: columns } = await client.query<{
    table_name: string;
    column_name: string;
    data_type: string;
    is_nullable: string;
    column_default: string | null;
    is_identity: string;
  }>(
    `SELECT table_name, column_name, data_type, is_nullable, column_default, is_identity FROM information_schema.columns
      WHERE table_schema = 'public' ORDER BY table_name, ordinal_position`,
  );
  const { rows: keys } = await client.query<{ table_name: string; column_name: string }>(
    `SELECT k.table_name, k.column_name FROM information_schema.key_column_usage k
       JOIN information_schema.table_constraints c ON c.constraint_name = k.constraint_name AND c.table_schema = k.table_schema
      WHERE c.constraint_type = 'PRIMARY KEY' AND k.table_schema = 'public'`,
  );
  const primary = new Set(keys.map((k) => `${k.table_name}.${k.column_name}`));
  const schema: Schema = { tables: {}, indexes: {} };
  for (const c of columns.filter((c) => !BOOKKEEPING.has(c.table_name)))
    (schema.tables[c.table_name] ??= []).push({
      name: c.column_name,
      type: c.data_type,
      notNull: c.is_nullable === 'NO',
      default: normalDefault(c.column_default),
      primaryKey: primary.has(`${c.table_name}.${c.column_name}`),
    });
  const { rows: indexes } = await client.query<{ indexname: string; indexdef: string }>(
    // Indexes behind a PRIMARY KEY or UNIQUE constraint are left out, as SQLite's automatic ones are (sql IS NULL).
    "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND indexname NOT IN (SELECT conname FROM pg_constraint)",
  );
  for (const i of indexes) schema.indexes[i.indexname] = normalIndex(i.indexdef);
  return schema;
}

it.skipIf(noPostgres)('SQLite (and D1) and PostgreSQL migrations give the same tables, columns and indexes', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'schema-'));
  const sqlite = openDatabase(path.join(dir, 'submissions.sqlite'));
  const db = await freshDatabase();
  const store = await PostgresStore.open(db.url);
  await store.close();
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    const lite = sqliteSchema(sqlite);
    const post = await postgresSchema(client);
    expect(Object.keys(post.tables).sort()).toEqual(Object.keys(lite.tables).sort());
    for (const [table, columns] of Object.entries(lite.tables)) {
      const other = post.tables[table]!;
      expect(
        other.map((c) => c.name),
        table,
      ).toEqual(columns.map((c) => c.name));
      for (const [i, c] of columns.entries()) {
        const p = other[i]!;
        const where = `${table}.${c.name}`;
        expect(TYPES[c.type], `${where} : type ${c.type} / ${p.type}`).toContain(p.type);
        expect(p.notNull, `${where} : NOT NULL`).toBe(c.notNull);
        expect(p.primaryKey, `${where} : clé primaire`).toBe(c.primaryKey);
        // A SQLite INTEGER PRIMARY KEY is its rowid, numbered by the engine: PostgreSQL says so with an identity.
        if (!(c.primaryKey && c.type === 'INTEGER')) expect(p.default, `${where} : valeur par défaut`).toBe(c.default);
      }
    }
    const pgIndexes = Object.fromEntries(Object.entries(post.indexes).filter(([name]) => !(name in PG_ONLY_INDEXES)));
    expect(pgIndexes).toEqual(lite.indexes);
  } finally {
    await client.end();
    sqlite.close();
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  }
});

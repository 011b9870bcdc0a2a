/**
 * Node server and staff commands: once the migrations are applied, every table and column they make is there.
 * A base whose bookkeeping says "all migrations applied" but lacks one — made by a development version that never
 * shipped, whose migration was a placeholder (commits 6517768 and its child: a 7th migration `SELECT 1`) —
 * would otherwise start, then answer 503 on every form that needs what is missing. It stops at start instead,
 * saying what is missing and what to do (EXPLOITATION.md, « Dépannage »).
 */
import { DatabaseSync } from 'node:sqlite';
import type pg from 'pg';
import { MIGRATIONS } from './sqlite-migrations.ts';

/** Table name → its columns. */
type Schema = Map<string, Set<string>>;

export class SchemaDriftError extends Error {}

/** The tables and columns the migrations make, read from an in-memory SQLite base: the same names in PostgreSQL. */
let reference: Schema | undefined;
function expected(): Schema {
  if (!reference) {
    const db = new DatabaseSync(':memory:');
    for (const sql of MIGRATIONS) db.exec(sql);
    reference = sqliteSchema(db);
    db.close();
  }
  return reference;
}

export function sqliteSchema(db: DatabaseSync): Schema {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as {
    name: string;
  }[];
  return new Map(
    tables.map(({ name }) => [
      name,
      new Set((db.prepare('SELECT name FROM pragma_table_info(?)').all(name) as { name: string }[]).map((c) => c.name)),
    ]),
  );
}

export async function postgresSchema(client: pg.PoolClient): Promise<Schema> {
  const { rows } = await client.query<{ table_name: string; column_name: string }>(
    'SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema()',
  );
  const schema: Schema = new Map();
  for (const r of rows) schema.set(r.table_name, (schema.get(r.table_name) ?? new Set()).add(r.column_name));
  return schema;
}

/** Throws, in French, when `actual` lacks a table or a column of the migrations. */
export function checkSchema(actual: Schema): void {
  const missing: string[] = [];
  for (const [table, columns] of expected()) {
    const have = actual.get(table);
    if (!have) missing.push(`la table ${table}`);
    else for (const c of columns) if (!have.has(c)) missing.push(`la colonne ${table}.${c}`);
  }
  if (missing.length)
    throw new SchemaDriftError(
      `la base a toutes ses migrations selon son registre, mais il lui manque ${missing.join(', ')} : elle a été faite par une version de développement jamais publiée. Restaurez la dernière sauvegarde faite par une version publiée, ou faites ajouter ce qui manque par l’équipe technique`,
    );
}

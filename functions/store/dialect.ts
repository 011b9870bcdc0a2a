/**
 * What differs between the engines, named once; the statements themselves are in sql.ts. Upsert
 * (ON CONFLICT) and RETURNING read the same on both engines and need nothing here.
 */
import { SQL, type StatementName } from './sql.ts';

/** One statement with its parameters, in a dialect's SQL. */
export type Statement = { sql: string; params: unknown[] };

export type Dialect = {
  name: 'sqlite' | 'd1' | 'postgres';
  /** sql.ts's statements in this dialect's placeholders. */
  sql: Record<StatementName, string>;
  /** A BLOB parameter as the driver takes it. */
  blob(bytes: Uint8Array): unknown;
  /**
   * A statement that makes every other sign-up to a session wait for this transaction, taken before the
   * count of its places. None where one writer already does it (SQLite's writer thread, D1).
   */
  lockSession?: string;
};

/** `?1` → `$1`: PostgreSQL's placeholders. */
export const dollarPlaceholders = (sql: string) => sql.replace(/\?(\d+)/g, '$$$1');

const mapStatements = (convert: (sql: string) => string) =>
  Object.fromEntries(Object.entries(SQL).map(([name, sql]) => [name, convert(sql)])) as Record<StatementName, string>;

/** node:sqlite binds a Uint8Array as a BLOB. */
export const SQLITE: Dialect = { name: 'sqlite', sql: SQL, blob: (bytes) => bytes };

/** D1 binds a BLOB from an ArrayBuffer: the bytes of this view only, not the whole buffer behind it. */
export const D1: Dialect = {
  name: 'd1',
  sql: SQL,
  blob: (bytes) => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
};

/** `pg` sends a Uint8Array as bytea; a transaction advisory lock per session (released at commit). */
export const POSTGRES: Dialect = {
  name: 'postgres',
  sql: mapStatements(dollarPlaceholders),
  blob: (bytes) => bytes,
  lockSession: 'SELECT pg_advisory_xact_lock(1179779072, hashtext($1))',
};

/** A statement by name, in the dialect's SQL. */
export const statement = (dialect: Dialect, name: StatementName, ...params: unknown[]): Statement => ({
  sql: dialect.sql[name],
  params,
});

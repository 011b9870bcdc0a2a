/** The inbox store's runner on PostgreSQL: the shared SQL with `?` turned into `$n`; a batch in one transaction. */
import type pg from 'pg';
import { LOCK_SESSION_POSTGRES } from './equipe-sql.ts';
import type { Row, SqlRunner } from './equipe-store.ts';

const dollar = (sql: string) => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

export function postgresRunner(pool: pg.Pool): SqlRunner {
  return {
    lockSession: LOCK_SESSION_POSTGRES,
    async all<T>(sql: string, params: unknown[] = []) {
      return (await pool.query(dollar(sql), params)).rows as T[];
    },
    async batch(statements) {
      const client = await pool.connect();
      let broken = false;
      try {
        await client.query('BEGIN');
        const out: { changes: number; rows: Row[] }[] = [];
        for (const x of statements) {
          const r = await client.query<Row>(dollar(x.sql), x.params);
          out.push({ changes: r.rowCount ?? 0, rows: r.rows });
        }
        await client.query('COMMIT');
        return out;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => (broken = true));
        throw error;
      } finally {
        client.release(broken);
      }
    },
  };
}

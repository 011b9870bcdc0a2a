/** The inbox store's runner on D1: the shared SQL as is; a D1 batch is one transaction. */
import type { D1Like } from './d1.ts';
import type { Row, SqlRunner } from './equipe-store.ts';

export function d1Runner(db: D1Like): SqlRunner {
  return {
    async all<T>(sql: string, params: unknown[] = []) {
      return (
        await db
          .prepare(sql)
          .bind(...params)
          .all<T>()
      ).results;
    },
    async batch(statements) {
      const results = await db.batch<Row>(statements.map((x) => db.prepare(x.sql).bind(...x.params)));
      return results.map((r) => ({ changes: r.meta.changes, rows: r.results ?? [] }));
    },
  };
}

/**
 * The inbox store's runner on SQLite: reads on the server's connection, writes on a writer thread of their
 * own (equipe-sqlite-worker.ts), like submissions, so that no fsync blocks the requests' thread.
 */
import { siblingModule } from './sibling-module.ts';
import type { DatabaseSync, SQLInputValue } from 'node:sqlite';
import { Worker } from 'node:worker_threads';
import type { Row, SqlRunner, Statement } from './equipe-store.ts';
import type { SqliteStoreOptions } from './sqlite-open.ts';

export type { Statement } from './equipe-store.ts';

/** One transaction; a statement with RETURNING gives its rows. */
export function runBatch(db: DatabaseSync, statements: Statement[]): { changes: number; rows: Row[] }[] {
  db.exec('BEGIN IMMEDIATE');
  try {
    const out = statements.map(({ sql, params }) => {
      const prepared = db.prepare(sql);
      const values = params as SQLInputValue[];
      if (/\bRETURNING\b/.test(sql)) {
        const rows = prepared.all(...values) as Row[];
        return { changes: rows.length, rows };
      }
      return { changes: Number(prepared.run(...values).changes), rows: [] };
    });
    db.exec('COMMIT');
    return out;
  } catch (error) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw error;
  }
}

type Answer = { id: number; ok: true; results: { changes: number; rows: Row[] }[] } | { id: number; ok: false; message: string };

export function sqliteRunner(
  db: DatabaseSync,
  file: string,
  options: SqliteStoreOptions,
): SqlRunner & { close(): Promise<void> } {
  let worker: Worker | undefined;
  let next = 0;
  const waiting = new Map<number, { resolve: (r: { changes: number; rows: Row[] }[]) => void; reject: (e: Error) => void }>();
  const start = () => {
    const w = new Worker(siblingModule('equipe-sqlite-worker', import.meta.url), { workerData: { file, options } });
    w.on('message', (a: Answer) => {
      const p = waiting.get(a.id);
      waiting.delete(a.id);
      // Held only while a write waits: an idle thread never keeps the process alive.
      if (!waiting.size) w.unref();
      if (a.ok) p?.resolve(a.results);
      else p?.reject(new Error(a.message));
    });
    // A thread that stops fails what it held; the next write starts another.
    w.on('exit', () => {
      for (const p of waiting.values()) p.reject(new Error('le fil d’écriture de l’espace équipe s’est arrêté'));
      waiting.clear();
      if (worker === w) worker = undefined;
    });
    w.on('error', () => {});
    w.unref();
    return w;
  };
  return {
    async all<T>(sql: string, params: unknown[] = []) {
      return db.prepare(sql).all(...(params as SQLInputValue[])) as T[];
    },
    batch(statements) {
      worker ??= start();
      const id = ++next;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        worker!.ref();
        worker!.postMessage({ id, statements });
      });
    },
    async close() {
      const w = worker;
      if (!w) return;
      worker = undefined;
      const exited = new Promise((r) => w.once('exit', r));
      w.ref();
      w.postMessage('close');
      await exited;
    },
  };
}

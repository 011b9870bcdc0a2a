/** Writer thread of the inbox store on SQLite: its own connection; each batch one transaction, off the requests' thread. */
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase, type SqliteStoreOptions } from './sqlite-open.ts';
import { runBatch, type Statement } from './equipe-sqlite.ts';

const { file, options } = workerData as { file: string; options: SqliteStoreOptions };
const db = openDatabase(file, options);

parentPort!.on('message', (message: { id: number; statements: Statement[] } | 'close') => {
  if (message === 'close') {
    db.close();
    parentPort!.close();
    return;
  }
  try {
    parentPort!.postMessage({ id: message.id, ok: true, results: runBatch(db, message.statements) });
  } catch (error) {
    parentPort!.postMessage({ id: message.id, ok: false, message: (error as Error).message });
  }
});

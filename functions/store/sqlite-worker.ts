/** Worker thread of the SQLite store: opens its own connection and runs, in order, the transactions it is sent. */
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase, type SqliteStoreOptions } from './sqlite-open.ts';
import { SqliteWriter, type WriteRequest } from './sqlite-writer.ts';

const { file, options } = workerData as { file: string; options: SqliteStoreOptions };
const db = openDatabase(file, options);
const writer = new SqliteWriter(db);

parentPort!.on('message', (message: WriteRequest | 'close') => {
  if (message === 'close') {
    db.close();
    parentPort!.close();
    return;
  }
  parentPort!.postMessage(writer.handle(message));
});
parentPort!.postMessage('ready');

import { Worker } from 'node:worker_threads';
import type { Db } from './database';

/**
 * The checkpointer's thread, as a script: its own connection to the store copies the WAL back
 * every `everyMs` and closes when told. A passive checkpoint never waits for, nor blocks, a
 * reader or a writer. `driver` is the better-sqlite3 the core itself loaded, so Electron's build
 * of the native module is the one used here too.
 */
const checkpointer = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {});
db.pragma('busy_timeout = 5000');
const timer = setInterval(() => db.pragma('wal_checkpoint(PASSIVE)'), workerData.everyMs);
parentPort.once('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

export interface CheckpointOptions {
  /** The Electron-ABI build of better-sqlite3, as the store was opened with. */
  nativeBinding?: string;
  everyMs?: number;
  /** The checkpointer's thread failed: the core's own thread checkpoints from then on. */
  logError?: (error: unknown) => void;
}

/**
 * Moves WAL checkpoints off the core's thread. SQLite's automatic checkpoint runs inside the
 * commit that crosses 1,000 pages, which made every twentieth grant about 20 ms slower; and
 * copying the WAL of a thousand grants or a first pull back into the database takes a few hundred
 * ms, during which the core would answer no one. A thread of its own does it every couple of
 * seconds; a full checkpoint empties the WAL at close. A store in memory has no WAL to copy.
 * Answers the function that stops it.
 */
export function checkpointInBackground(db: Db, options: CheckpointOptions = {}): () => Promise<void> {
  const everyMs = options.everyMs ?? 2_000;
  db.pragma('wal_autocheckpoint = 0');
  if (db.memory) return async () => {};
  let fallback: NodeJS.Timeout | null = null;
  const onThisThread = (): void => {
    fallback ??= setInterval(() => db.pragma('wal_checkpoint(PASSIVE)'), everyMs);
    fallback.unref();
  };
  const worker = new Worker(checkpointer, {
    eval: true,
    workerData: { driver: require.resolve('better-sqlite3'), file: db.name, nativeBinding: options.nativeBinding, everyMs },
  });
  worker.unref();
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  worker.on('error', (error) => {
    (options.logError ?? ((e) => console.error('[porter] WAL checkpoints:', e)))(error);
    onThisThread();
  });
  return async () => {
    worker.postMessage('stop');
    await exited;
    if (fallback) clearInterval(fallback);
    db.pragma('wal_checkpoint(TRUNCATE)');
  };
}

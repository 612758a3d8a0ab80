/**
 * Electron composition root: everything that matters is the core (plain Node), started in a
 * worker thread so SQLite work never holds up the main process's event loop; this file only
 * hands that to the shell in ./electron/start.ts.
 */
import path from 'node:path';
import { startCoreWorker } from './core-worker/start-core-worker';
import { runPorter } from './electron/start';

runPorter({ createCore: (options) => startCoreWorker(options, path.join(__dirname, 'core-worker.js')) });

/**
 * Electron composition root: everything that matters is the core (plain Node), started in a
 * worker thread so SQLite work never holds up the main process's event loop; this file only
 * hands that to the shell in ./electron/start.ts.
 */
import path from 'node:path';
import { startCoreWorker } from './core-worker/start-core-worker';
import { runPorter } from './electron/start';

// The BLE stack cannot run in the core's worker thread (its serial port polls libuv's main
// loop): the core starts it in a process of its own from this entry.
const bleHost = { path: path.join(__dirname, 'ble-host.js') };
runPorter({ createCore: (options) => startCoreWorker({ ...options, bleHost }, path.join(__dirname, 'core-worker.js')) });

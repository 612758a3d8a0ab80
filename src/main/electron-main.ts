/**
 * Electron composition root: everything that matters is the core (plain Node), started in a
 * worker thread so SQLite work never holds up the main process's event loop; this file only
 * hands that to the shell in ./electron/start.ts.
 */
import path from 'node:path';
import { startCoreWorker } from './core-worker/start-core-worker';
import { startBleHostLauncher } from './electron/ble-host-utility';
import { runPorter } from './electron/start';

runPorter({
  createCore: (options) => {
    // The BLE stack cannot run in the core's worker thread (its serial port polls libuv's main
    // loop): main starts it as a utility process whenever the core asks on this port.
    const launcher = startBleHostLauncher(path.join(__dirname, 'ble-host.js'));
    return startCoreWorker({ ...options, bleHost: { launcher } }, path.join(__dirname, 'core-worker.js'), { transferList: [launcher] });
  },
});

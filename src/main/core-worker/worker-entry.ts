/**
 * The core in a worker thread: SQLite work (a grid query over 10,000 units, a bulk grant
 * over a building) runs here, so the Electron main process's event loop stays free for
 * windows, IPC and devices. Started by startCoreWorker; speaks messages.ts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openCore } from '../core';
import type { Connection, Core, CoreOptions } from '../core-types';
import type { FromWorker, ToWorker } from './messages';

const port = parentPort!;
const send = (message: FromWorker): void => port.postMessage(message);

// The core opens with its audit key from the OS keychain, which answers asynchronously; the
// main process sends nothing before 'ready'.
openCore(workerData as CoreOptions).then(serve, (error: unknown) => {
  send({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  process.exit(1);
});

function serve(core: Core): void {
  const connections = new Map<number, Connection>();
  core.onEvent((event, payload) => send({ type: 'event', event, payload }));

  port.on('message', async (message: ToWorker) => {
    switch (message.type) {
      case 'connect':
        connections.set(message.connection, core.connect(message.source));
        return;
      case 'disconnect':
        connections.get(message.connection)?.close();
        connections.delete(message.connection);
        return;
      case 'dispatch': {
        const target = message.connection === 0 ? core : connections.get(message.connection);
        const envelope = target
          ? await target.dispatch(message.command, message.input)
          : { ok: false as const, error: { code: 'internal' as const, message: 'This window’s connection to the core is closed.' } };
        send({ type: 'reply', id: message.id, envelope });
        return;
      }
      case 'close':
        await core.close();
        send({ type: 'closed' });
        port.close();
        return;
    }
  });
  send({ type: 'ready' });
}

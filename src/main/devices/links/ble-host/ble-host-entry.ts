import { BleLinkError, type BleCentral, type GattConnection } from '../../ble/gatt';
import { openNobleCentral } from '../noble-central';
import type { ConnectAnswer, FromHost, HostCall, ToHost } from './ble-host-messages';

/*
 * The BLE host process: one dongle's noble stack, in a process of its own. serialport (under
 * noble's UART driver) polls on libuv's default loop, which a worker thread must not touch,
 * and the console's core runs in a worker: so the stack runs here and the core talks to it
 * through remote-central.ts. One central per process; the process ends when it is closed or
 * its parent goes. Started by host-process.ts: forked as Node, or as Electron's utility process.
 */

/** Electron's utility process speaks through process.parentPort; a forked Node child through process.send. */
interface ParentPortLike {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
}
const parentPort = (process as unknown as { parentPort?: ParentPortLike }).parentPort;

const send = (message: FromHost): void => {
  if (parentPort) parentPort.postMessage(message);
  else process.send?.(message);
};
const onMessage = (listener: (message: ToHost) => void): void => {
  if (parentPort) parentPort.on('message', (event) => listener(event.data as ToHost));
  else process.on('message', listener);
};

let central: BleCentral | null = null;
const scans = new Map<number, () => Promise<void>>();
const connections = new Map<number, GattConnection>();
const calls = new Map<number, AbortController>();
let nextId = 1;

const connection = (id: number): GattConnection => {
  const found = connections.get(id);
  if (!found) throw new BleLinkError('disconnected', 'That link has ended.');
  return found;
};

const opened = (): BleCentral => {
  if (!central) throw new BleLinkError('gone', 'The dongle is not open.');
  return central;
};

async function run(call: HostCall, signal: AbortSignal): Promise<unknown> {
  switch (call.op) {
    case 'open':
      central = await openNobleCentral(call.dongle, { signal });
      central.onGone(() => send({ type: 'gone' }));
      return null;
    case 'startScan': {
      const scanId = nextId++;
      scans.set(scanId, await opened().startScan(call.serviceUuids, (advertisement) => send({ type: 'advertisement', scanId, advertisement })));
      return scanId;
    }
    case 'stopScan':
      await scans.get(call.scanId)?.();
      scans.delete(call.scanId);
      return null;
    case 'connect': {
      const link = await opened().connect(call.peripheralId, call.serviceUuid, signal);
      const connectionId = nextId++;
      connections.set(connectionId, link);
      link.onDisconnect((reason) => {
        connections.delete(connectionId);
        send({ type: 'disconnected', connectionId, reason });
      });
      return { connectionId, peripheralId: link.peripheralId, mtu: link.mtu } satisfies ConnectAnswer;
    }
    case 'write':
      return connection(call.connectionId).write(call.uuid, call.value, signal);
    case 'read':
      return connection(call.connectionId).read(call.uuid, signal);
    case 'subscribe':
      return connection(call.connectionId).subscribe(call.uuid, (value) => send({ type: 'notification', connectionId: call.connectionId, uuid: call.uuid, value }));
    case 'disconnect':
      return connections.get(call.connectionId)?.disconnect();
    case 'close':
      await central?.close();
      central = null;
      setImmediate(() => process.exit(0));
      return null;
  }
}

onMessage((message) => {
  if (message.type === 'abort') return calls.get(message.id)?.abort(new BleLinkError('aborted', 'Cancelled.'));
  const abort = new AbortController();
  calls.set(message.id, abort);
  run(message.call, abort.signal).then(
    (value) => send({ type: 'answer', id: message.id, ok: true, value: value ?? null }),
    (error: unknown) =>
      send({ type: 'answer', id: message.id, ok: false, code: error instanceof BleLinkError ? error.code : null, message: error instanceof Error ? error.message : String(error) }),
  ).finally(() => calls.delete(message.id));
});

// The core went (closed, crashed): the dongle is let go with it. (A utility process is ended
// by the main process instead, when the core's port closes.)
process.on('disconnect', () => {
  void (central?.close() ?? Promise.resolve()).finally(() => process.exit(0));
});

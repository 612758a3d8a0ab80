import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { utilityProcess } from 'electron';
import { serveHostLaunches, type HostProcess } from '../devices/links/ble-host/host-process';

/**
 * The BLE stack runs in a process of its own (ble-host-entry.ts). The core, in its worker
 * thread, cannot start one: a packaged app's RunAsNode fuse is off, so Electron's binary will
 * not fork itself as Node, and utilityProcess exists only in the main process. So main starts
 * each host as a utility process when the core asks on the returned port (pass it to the core
 * as `bleHost: { launcher }`, in the worker's transferList).
 */
export function startBleHostLauncher(entryPath: string): MessagePort {
  const { port1, port2 } = new MessageChannel();
  serveHostLaunches(port1, () => utilityHost(entryPath));
  return port2;
}

function utilityHost(entryPath: string): HostProcess {
  const child = utilityProcess.fork(entryPath, [], { serviceName: 'Porter Bluetooth', stdio: 'inherit' });
  return {
    send: (message) => child.postMessage(message),
    onMessage: (listener) => child.on('message', listener),
    onExit: (listener) => child.once('exit', () => listener()),
    kill: () => void child.kill(),
  };
}

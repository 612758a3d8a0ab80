import { fork } from 'node:child_process';
import { MessageChannel, MessagePort } from 'node:worker_threads';
import type { FromHost, ToHost } from './ble-host-messages';

/**
 * The BLE host process (ble-host-entry.ts) as the core sees it, however it was started: forked
 * as a Node child (Node hosts, tests), or started by the Electron main process as a utility
 * process and reached through a MessagePort (a packaged app cannot fork itself as Node: its
 * RunAsNode fuse is off).
 */
export interface HostProcess {
  send(message: ToHost): void;
  onMessage(listener: (message: FromHost) => void): void;
  onExit(listener: () => void): void;
  kill(): void;
}

/** Where the BLE host runs: a file to fork as Node, or the port on which the Electron main process launches one. */
export type BleHostEntry = { path: string; execArgv?: string[] } | { launcher: MessagePort };

export function startHost(entry: BleHostEntry): HostProcess {
  return 'launcher' in entry ? hostThroughLauncher(entry.launcher) : forkHost(entry);
}

export function forkHost(entry: { path: string; execArgv?: string[] }): HostProcess {
  // Under Electron from source, the child is Electron's binary run as plain Node.
  const child = fork(entry.path, [], {
    serialization: 'advanced',
    execArgv: entry.execArgv ?? [],
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return {
    send: (message) => child.send(message),
    onMessage: (listener) => child.on('message', listener),
    onExit: (listener) => child.once('exit', () => listener()),
    kill: () => child.kill(),
  };
}

/** What crosses a launched host's port: calls and a kill one way, the host's messages and its end the other. */
type ToLauncher = { type: 'send'; message: ToHost } | { type: 'kill' };
type FromLauncher = { type: 'message'; message: FromHost } | { type: 'exit' };

/** Asks whoever serves `launcher` (serveHostLaunches) for a host of its own, spoken to over a new port. */
export function hostThroughLauncher(launcher: MessagePort): HostProcess {
  const { port1, port2 } = new MessageChannel();
  launcher.postMessage({ type: 'launch', port: port2 }, [port2]);
  const messageListeners = new Set<(message: FromHost) => void>();
  const exitListeners = new Set<() => void>();
  let exited = false;
  const exit = (): void => {
    if (exited) return;
    exited = true;
    exitListeners.forEach((listener) => listener());
    port1.close();
  };
  port1.on('message', (message: FromLauncher) => (message.type === 'message' ? messageListeners.forEach((listener) => listener(message.message)) : exit()));
  // The launcher went (the main process is ending): the host goes with it.
  port1.on('close', exit);
  port1.unref();
  const post = (message: ToLauncher): void => {
    if (!exited) port1.postMessage(message);
  };
  return {
    send: (message) => post({ type: 'send', message }),
    onMessage: (listener) => messageListeners.add(listener),
    onExit: (listener) => exitListeners.add(listener),
    kill: () => post({ type: 'kill' }),
  };
}

/**
 * The launcher's side: starts a host with `launch` for each request on `launcher` and relays
 * between it and the requester's port. A requester that goes (the core's worker ended) takes
 * its host with it. Returns a function that stops serving.
 */
export function serveHostLaunches(launcher: MessagePort, launch: () => HostProcess): () => void {
  launcher.on('message', (request: { type?: string; port?: unknown }) => {
    if (request?.type !== 'launch' || !(request.port instanceof MessagePort)) return;
    const port = request.port;
    let ended = false;
    const end = (): void => {
      if (ended) return;
      ended = true;
      port.postMessage({ type: 'exit' } satisfies FromLauncher);
      port.close();
    };
    let host: HostProcess;
    try {
      host = launch();
    } catch (error) {
      console.error('[porter] could not start the Bluetooth host:', error);
      return end();
    }
    host.onMessage((message) => {
      if (!ended) port.postMessage({ type: 'message', message } satisfies FromLauncher);
    });
    host.onExit(end);
    port.on('message', (message: ToLauncher) => {
      try {
        if (message.type === 'send') host.send(message.message);
        else host.kill();
      } catch {
        // A host that has just gone cannot take a message: its exit is already on the way.
      }
    });
    port.on('close', () => {
      if (ended) return;
      ended = true;
      host.kill();
    });
  });
  return () => launcher.close();
}

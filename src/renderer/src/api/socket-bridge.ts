/**
 * window.porter for the browser host: the same contract carried over a WebSocket to the
 * core running in Node. Installed only when no preload provided window.porter.
 */
import type { Envelope } from '../../../shared/envelope';
import type { PorterApi } from '../../../shared/contract';
import { socketPath, type ClientFrame, type ServerFrame } from '../../../shared/wire';

type Pending = (envelope: Envelope<unknown>) => void;

export function connectSocketBridge(location: Location): Promise<PorterApi> {
  const token = new URLSearchParams(location.hash.slice(1)).get('token') ?? '';
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${socketPath}?token=${encodeURIComponent(token)}`;
  const socket = new WebSocket(url);
  const pending = new Map<number, Pending>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let nextId = 1;

  socket.addEventListener('message', (message) => {
    const frame = JSON.parse(String(message.data)) as ServerFrame;
    if ('id' in frame) {
      pending.get(frame.id)?.(frame.envelope);
      pending.delete(frame.id);
    } else {
      listeners.get(frame.event)?.forEach((listener) => listener(frame.payload));
    }
  });
  socket.addEventListener('close', () => {
    // A closed link answers every waiting call, so no query hangs forever.
    for (const settle of pending.values())
      settle({ ok: false, error: { code: 'internal', message: 'Connection to the console core was lost. Reload the page.' } });
    pending.clear();
  });

  const api: PorterApi = {
    invoke(command, input) {
      return new Promise((resolve) => {
        if (socket.readyState !== WebSocket.OPEN) {
          resolve({ ok: false, error: { code: 'internal', message: 'Not connected to the console core.' } });
          return;
        }
        const id = nextId++;
        pending.set(id, resolve as Pending);
        socket.send(JSON.stringify({ id, command, input } satisfies ClientFrame));
      });
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      const wrapped = listener as (payload: unknown) => void;
      set.add(wrapped);
      return () => set.delete(wrapped);
    },
  };

  return new Promise((resolve, reject) => {
    socket.addEventListener('open', () => resolve(api), { once: true });
    socket.addEventListener('error', () => reject(new Error('The console core refused the connection (wrong or missing token?).')), { once: true });
  });
}

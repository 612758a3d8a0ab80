import { EventEmitter } from 'node:events';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import type { Envelope } from '../../shared/envelope';
import type { Core, CoreOptions, EventListener } from '../core-types';
import type { FromWorker, ToWorker } from './messages';

/** Options that can cross to a worker: no functions (the worker uses its own clock and stderr). */
export type WorkerCoreOptions = Omit<CoreOptions, 'now' | 'logError'>;

/**
 * Starts the core in a worker thread and answers the same Core interface as createCore.
 * `entry` is the built worker file (out/main/core-worker.js); tests pass code that loads
 * the TypeScript entry through tsx, with `workerOptions.eval`.
 */
export function startCoreWorker(options: WorkerCoreOptions, entry: string, workerOptions: WorkerOptions = {}): Promise<Core> {
  const worker = new Worker(entry, { ...workerOptions, workerData: options });
  const events = new EventEmitter();
  const pending = new Map<number, (envelope: Envelope<unknown>) => void>();
  let nextId = 1;
  let nextConnection = 1;
  let closed = false;
  let whenClosed: (() => void) | null = null;
  const post = (message: ToWorker): void => worker.postMessage(message);

  const lost = (why: string): void => {
    closed = true;
    whenClosed?.();
    for (const settle of pending.values()) settle({ ok: false, error: { code: 'internal', message: `The console core stopped: ${why}` } });
    pending.clear();
  };
  worker.on('error', (error) => lost(error.message));
  worker.on('exit', (code) => lost(`exit code ${code}`));

  const dispatchOn = (connection: number) => (command: unknown, input: unknown): Promise<Envelope<unknown>> =>
    new Promise((resolve) => {
      if (closed) return resolve({ ok: false, error: { code: 'internal', message: 'The console core is closed.' } });
      const id = nextId++;
      pending.set(id, resolve);
      post({ type: 'dispatch', id, connection, command, input });
    });

  const core: Core = {
    connect(source) {
      const connection = nextConnection++;
      post({ type: 'connect', connection, source });
      return { dispatch: dispatchOn(connection), close: () => !closed && post({ type: 'disconnect', connection }) };
    },
    dispatch: dispatchOn(0),
    onEvent(listener: EventListener) {
      const forward = (event: string, payload: unknown): void => (listener as (e: string, p: unknown) => void)(event, payload);
      events.on('event', forward);
      return () => events.off('event', forward);
    },
    /** Resolves once the worker's core has closed in order (or the worker is gone). */
    close() {
      if (closed) return Promise.resolve();
      return new Promise<void>((resolve) => {
        whenClosed = resolve;
        post({ type: 'close' });
      });
    },
  };

  return new Promise((resolve, reject) => {
    worker.on('message', (message: FromWorker) => {
      switch (message.type) {
        case 'ready':
          return resolve(core);
        case 'failed':
          return reject(new Error(message.message));
        case 'reply':
          pending.get(message.id)?.(message.envelope);
          pending.delete(message.id);
          return;
        case 'event':
          events.emit('event', message.event, message.payload);
          return;
        case 'closed':
          closed = true;
          whenClosed?.();
          return;
      }
    });
    worker.once('exit', (code) => reject(new Error(`The console core's worker exited (${code}) before it was ready.`)));
  });
}

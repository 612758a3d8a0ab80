import type { Characteristic, Noble, Peripheral } from '@stoprocent/noble';
import { BleLinkError, type GattConnection } from '../ble/gatt';
import { watchAttErrors } from './noble-internals';

/** Why a link dropped, in words, from noble's HCI reason (a number) or its own cleanup (a string). */
export function disconnectReason(reason: unknown): string {
  switch (reason) {
    case 0x08:
      return 'supervision_timeout';
    case 0x13:
      return 'peripheral_disconnected';
    case 0x16:
      return 'local_disconnect';
    case 0x03:
    case 'cleanup':
      return 'dongle_gone';
    default:
      return typeof reason === 'number' ? `hci_0x${reason.toString(16).padStart(2, '0')}` : String(reason);
  }
}

interface PendingOperation {
  reject(error: BleLinkError): void;
}

/**
 * A GATT connection through noble. Operations run one at a time: noble's GATT client keeps one
 * callback per characteristic and event, so a second write in flight would steal the first one's.
 * A pending operation fails with 'disconnected' when the link drops, 'aborted' on its signal, and
 * 'att_error' when the peripheral refuses it.
 */
export class NobleGattConnection implements GattConnection {
  private queue: Promise<unknown> = Promise.resolve();
  private pending: PendingOperation | null = null;
  private reason: string | null = null;
  private readonly listeners = new Set<(reason: string) => void>();
  private readonly cleanups: (() => void)[] = [];

  constructor(
    noble: Noble,
    private readonly peripheral: Peripheral,
    private readonly characteristics: ReadonlyMap<string, Characteristic>,
    readonly mtu: number,
  ) {
    const onDisconnect = (reason: unknown) => this.dropped(disconnectReason(reason));
    peripheral.once('disconnect', onDisconnect);
    this.cleanups.push(() => peripheral.removeListener('disconnect', onDisconnect));
    this.cleanups.push(
      watchAttErrors(noble, peripheral.id, (error) =>
        this.pending?.reject(new BleLinkError('att_error', `ATT error 0x${error.code.toString(16).padStart(2, '0')} for request 0x${error.requestOpcode.toString(16)} on handle ${error.handle}`)),
      ),
    );
  }

  get peripheralId(): string {
    return this.peripheral.id;
  }

  write(characteristicUuid: string, value: Uint8Array, signal: AbortSignal): Promise<void> {
    return this.run(characteristicUuid, signal, (characteristic, done) => characteristic.write(Buffer.from(value), false, (error) => done(error)));
  }

  read(characteristicUuid: string, signal: AbortSignal): Promise<Uint8Array> {
    return this.run(characteristicUuid, signal, (characteristic, done) => characteristic.read((error, data) => done(error, new Uint8Array(data))));
  }

  subscribe(characteristicUuid: string, onValue: (value: Uint8Array) => void): Promise<void> {
    const characteristic = this.characteristics.get(characteristicUuid);
    // Listening before the CCCD is written, so a notification sent right after is not missed.
    const onData = (data: Buffer, isNotification: boolean) => {
      if (isNotification) onValue(new Uint8Array(data));
    };
    characteristic?.on('data', onData);
    if (characteristic) this.cleanups.push(() => characteristic.removeListener('data', onData));
    return this.run(characteristicUuid, new AbortController().signal, (found, done) => found.subscribe((error) => done(error)));
  }

  async disconnect(): Promise<void> {
    if (this.reason !== null) return;
    const gone = new Promise<void>((resolve) => this.onDisconnect(() => resolve()));
    this.peripheral.disconnect();
    await gone;
  }

  onDisconnect(listener: (reason: string) => void): () => void {
    if (this.reason !== null) {
      const reason = this.reason;
      queueMicrotask(() => listener(reason));
      return () => undefined;
    }
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The dongle went: the link is gone even if noble never says so. */
  dropped(reason: string): void {
    if (this.reason !== null) return;
    this.reason = reason;
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    this.pending?.reject(new BleLinkError('disconnected', `The link dropped (${reason})`));
    for (const listener of [...this.listeners]) listener(reason);
    this.listeners.clear();
  }

  /** Queues an operation; the next one starts only when noble is done with this one. */
  private run<T>(characteristicUuid: string, signal: AbortSignal, start: Starter<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue = this.queue.then(() => this.attempt(characteristicUuid, signal, start, resolve, reject));
    });
  }

  /**
   * Runs one operation. Its caller may hear early (aborted), but the returned promise resolves
   * only when noble has its answer (or the link is gone): an aborted write's late response must
   * not be taken for the next write's, which noble would otherwise do.
   */
  private attempt<T>(characteristicUuid: string, signal: AbortSignal, start: Starter<T>, resolve: (value: T) => void, reject: (error: BleLinkError) => void): Promise<void> {
    return new Promise<void>((finish) => {
      const refuse = (error: BleLinkError) => {
        reject(error);
        finish();
      };
      if (this.reason !== null) return refuse(new BleLinkError('disconnected', `The link dropped (${this.reason})`));
      if (signal.aborted) return refuse(new BleLinkError('aborted', 'Aborted before it started'));
      const characteristic = this.characteristics.get(characteristicUuid);
      if (!characteristic) return refuse(new BleLinkError('no_service', `No characteristic ${characteristicUuid} on the service`));

      let settled = false;
      const settle = (error: Error | null, value?: T) => {
        if (settled) return;
        settled = true;
        signal.removeEventListener('abort', onAbort);
        if (error) reject(error instanceof BleLinkError ? error : new BleLinkError('att_error', error.message));
        else resolve(value as T);
      };
      const onAbort = () => settle(new BleLinkError('aborted', 'Aborted'));
      const operation: PendingOperation = { reject: (error) => done(error) };
      const done = (error: Error | null, value?: T) => {
        settle(error, value);
        if (this.pending === operation) this.pending = null;
        finish();
      };
      this.pending = operation;
      signal.addEventListener('abort', onAbort, { once: true });
      start(characteristic, (error, value) => done(error ?? null, value));
    });
  }
}

type Starter<T> = (characteristic: Characteristic, done: (error?: Error, value?: T) => void) => void;

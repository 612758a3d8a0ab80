import { BleLinkError, type BleAdvertisement, type BleCentral, type BleDongleInfo, type GattConnection } from '../../ble/gatt';
import type { ConnectAnswer, FromHost, HostCall } from './ble-host-messages';
import { startHost, type BleHostEntry, type HostProcess } from './host-process';

export type { BleHostEntry };

/**
 * A BleCentral whose noble stack runs in a BLE host process (ble-host-entry.ts): for a core in
 * a worker thread, where the stack's serial port cannot run. Calls cross as messages; a host
 * that dies ends its scans and links, and the central is gone.
 */
export async function openRemoteCentral(dongle: BleDongleInfo, entry: BleHostEntry): Promise<BleCentral> {
  const child = startHost(entry);
  const host = new HostChannel(child);
  try {
    await host.call({ op: 'open', dongle }, AbortSignal.timeout(15_000));
  } catch (error) {
    child.kill();
    throw error;
  }
  return new RemoteCentral(dongle, host);
}

class HostChannel {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private readonly listeners = new Set<(message: FromHost) => void>();
  gone = false;

  constructor(readonly child: HostProcess) {
    child.onMessage((message) => {
      if (message.type !== 'answer') return this.listeners.forEach((listener) => listener(message));
      const waiting = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.ok) waiting?.resolve(message.value);
      else waiting?.reject(message.code ? new BleLinkError(message.code, message.message) : new Error(message.message));
    });
    child.onExit(() => {
      this.gone = true;
      for (const { reject } of this.pending.values()) reject(new BleLinkError('gone', 'The Bluetooth stack stopped.'));
      this.pending.clear();
      this.listeners.forEach((listener) => listener({ type: 'gone' }));
    });
  }

  call<T>(call: HostCall, signal?: AbortSignal): Promise<T> {
    if (this.gone) return Promise.reject(new BleLinkError('gone', 'The Bluetooth stack stopped.'));
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => this.child.send({ type: 'abort', id });
      signal?.addEventListener('abort', onAbort, { once: true });
      const settle = () => signal?.removeEventListener('abort', onAbort);
      this.pending.set(id, {
        resolve: (value) => (settle(), resolve(value as T)),
        reject: (error) => (settle(), reject(error)),
      });
      this.child.send({ type: 'call', id, call });
    });
  }

  on(listener: (message: FromHost) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

class RemoteCentral implements BleCentral {
  constructor(
    readonly dongle: BleDongleInfo,
    private readonly host: HostChannel,
  ) {}

  async startScan(serviceUuids: readonly string[], onAdvertisement: (advertisement: BleAdvertisement) => void): Promise<() => Promise<void>> {
    let scanId = -1;
    const off = this.host.on((m) => {
      if (m.type === 'advertisement' && m.scanId === scanId) onAdvertisement(m.advertisement);
    });
    scanId = await this.host.call<number>({ op: 'startScan', serviceUuids });
    return async () => {
      off();
      await this.host.call({ op: 'stopScan', scanId }).catch(() => undefined);
    };
  }

  async connect(peripheralId: string, serviceUuid: string, signal: AbortSignal): Promise<GattConnection> {
    const answer = await this.host.call<ConnectAnswer>({ op: 'connect', peripheralId, serviceUuid }, signal);
    return new RemoteConnection(this.host, answer);
  }

  async close(): Promise<void> {
    if (this.host.gone) return;
    const exited = new Promise<void>((resolve) => this.host.child.onExit(resolve));
    await this.host.call({ op: 'close' }).catch(() => undefined);
    await exited;
  }

  onGone(listener: () => void): () => void {
    return this.host.on((m) => {
      if (m.type === 'gone') listener();
    });
  }
}

class RemoteConnection implements GattConnection {
  readonly peripheralId: string;
  readonly mtu: number;
  private readonly id: number;
  private readonly off: () => void;
  private readonly notified = new Map<string, (value: Uint8Array) => void>();
  private readonly disconnectListeners = new Set<(reason: string) => void>();
  private ended = false;

  constructor(
    private readonly host: HostChannel,
    answer: ConnectAnswer,
  ) {
    this.peripheralId = answer.peripheralId;
    this.mtu = answer.mtu;
    this.id = answer.connectionId;
    this.off = host.on((m) => {
      if (m.type === 'notification' && m.connectionId === this.id) this.notified.get(m.uuid)?.(m.value);
      if ((m.type === 'disconnected' && m.connectionId === this.id) || m.type === 'gone') this.end(m.type === 'gone' ? 'dongle_gone' : m.reason);
    });
  }

  private end(reason: string): void {
    if (this.ended) return;
    this.ended = true;
    this.off();
    this.disconnectListeners.forEach((listener) => listener(reason));
  }

  async write(uuid: string, value: Uint8Array, signal: AbortSignal): Promise<void> {
    await this.host.call({ op: 'write', connectionId: this.id, uuid, value }, signal);
  }

  async subscribe(uuid: string, onValue: (value: Uint8Array) => void): Promise<void> {
    this.notified.set(uuid, onValue);
    await this.host.call({ op: 'subscribe', connectionId: this.id, uuid });
  }

  read(uuid: string, signal: AbortSignal): Promise<Uint8Array> {
    return this.host.call<Uint8Array>({ op: 'read', connectionId: this.id, uuid }, signal);
  }

  async disconnect(): Promise<void> {
    if (this.ended) return;
    await this.host.call({ op: 'disconnect', connectionId: this.id }).catch(() => undefined);
  }

  onDisconnect(listener: (reason: string) => void): () => void {
    this.disconnectListeners.add(listener);
    return () => this.disconnectListeners.delete(listener);
  }
}

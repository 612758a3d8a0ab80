import { existsSync } from 'node:fs';
import { withBindings, type AdapterState, type Noble, type Peripheral } from '@stoprocent/noble';
import { BleLinkError, type BleAdvertisement, type BleCentral, type BleDongleInfo, type GattConnection } from '../ble/gatt';
import { hciBindingsFor } from './noble-bindings';
import { createLink, discoverService, nobleUuid, settleCancelledAttempt } from './noble-connect';
import { NobleGattConnection } from './noble-connection';
import { serialPortClosed, serialPortOf } from './noble-internals';
import { NobleScan } from './noble-scan';
import { watchSerialPortRemoval } from './serial-port-removal';
import { watchUsbDetach } from './usb-detach';

export interface NobleCentralOptions {
  /** Gives up opening (the dongle never powers on). */
  signal?: AbortSignal;
  /** How long the dongle may take to power on; 10 s by default. */
  powerOnTimeoutMs?: number;
  /** For UART dongles; 1 Mbaud by default. */
  baudRate?: number;
}

/** Longest wait for a polite goodbye (Disconnect, scan stop) from a dongle that may be hung. */
const goodbyeLimitMs = 1000;

/**
 * Opens a BLE dongle through noble's HCI stack: over a serial port for UART dongles, through
 * libusb for USB ones. Each central is its own noble instance, so several can live in one
 * process, one per dongle; `close` releases the port and every listener noble put on `process`.
 */
export async function openNobleCentral(dongle: BleDongleInfo, options: NobleCentralOptions = {}): Promise<BleCentral> {
  if (dongle.transport === 'uart' && !(dongle.port && existsSync(dongle.port))) {
    throw new BleLinkError('gone', `No serial port at ${dongle.port}`);
  }
  const central = new NobleCentral(dongle, withBindings('hci', hciBindingsFor(dongle, options.baudRate)));
  try {
    await central.poweredOn(options.powerOnTimeoutMs ?? 10_000, options.signal);
  } catch (error) {
    await central.close();
    throw error;
  }
  return central;
}

class NobleCentral implements BleCentral {
  private state: 'opening' | 'open' | 'gone' | 'closed' = 'opening';
  private readonly scan: NobleScan;
  private readonly connections = new Map<string, NobleGattConnection>();
  private readonly goneListeners = new Set<() => void>();
  private connecting: Promise<unknown> = Promise.resolve();
  private closing: Promise<void> | null = null;
  /** Aborted when the dongle goes or the central closes: ends a connection attempt in flight. */
  private readonly lifetime = new AbortController();
  private readonly unwatchPort: () => void;
  private readonly onState = (state: AdapterState) => this.stateChanged(state);

  constructor(
    readonly dongle: BleDongleInfo,
    private readonly noble: Noble,
  ) {
    this.scan = new NobleScan(noble);
    // Listening for stateChange is what makes noble open the dongle.
    noble.on('stateChange', this.onState);
    // noble notices neither a USB dongle nor a serial one going away: the central watches for it.
    this.unwatchPort = dongle.transport === 'usb' ? watchUsbDetach(dongle, () => this.gone()) : watchSerialPortRemoval(dongle.port!, () => this.gone());
  }

  poweredOn(timeoutMs: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      const finish = (error: Error | null) => {
        clearTimeout(timer);
        unsubscribeGone();
        this.noble.removeListener('stateChange', onState);
        signal?.removeEventListener('abort', onAbort);
        if (error) reject(error);
        else resolve();
      };
      const onState = (state: AdapterState) => {
        if (state === 'poweredOn') finish(null);
        if (state === 'unsupported' || state === 'unauthorized') finish(new BleLinkError('gone', `The dongle is ${state}`));
      };
      const onAbort = () => finish(new BleLinkError('aborted', 'Opening the dongle was aborted'));
      const timer = setTimeout(() => finish(new BleLinkError('gone', `The dongle did not power on within ${timeoutMs} ms`)), timeoutMs);
      const unsubscribeGone = this.onGone(() => finish(this.goneError()));
      if (signal?.aborted) return onAbort();
      signal?.addEventListener('abort', onAbort, { once: true });
      this.noble.on('stateChange', onState);
    });
  }

  async startScan(serviceUuids: readonly string[], onAdvertisement: (advertisement: BleAdvertisement) => void): Promise<() => Promise<void>> {
    this.mustBeOpen();
    return this.scan.add(serviceUuids.map(nobleUuid), onAdvertisement, () => this.goneError());
  }

  connect(peripheralId: string, serviceUuid: string, signal: AbortSignal): Promise<GattConnection> {
    // One attempt at a time, as noble makes them anyway; an attempt ends only when noble let go of it.
    const attempt = this.connecting.then(() => this.attemptConnection(peripheralId, serviceUuid, signal));
    this.connecting = attempt.catch(() => undefined);
    return attempt;
  }

  onGone(listener: () => void): () => void {
    if (this.state === 'gone') {
      queueMicrotask(listener);
      return () => undefined;
    }
    this.goneListeners.add(listener);
    return () => this.goneListeners.delete(listener);
  }

  close(): Promise<void> {
    this.closing ??= this.release();
    return this.closing;
  }

  private async attemptConnection(peripheralId: string, serviceUuid: string, signal: AbortSignal): Promise<GattConnection> {
    this.mustBeOpen();
    if (signal.aborted) throw new BleLinkError('aborted', 'Aborted before connecting');
    if (this.connections.has(peripheralId)) throw new Error(`Already connected to ${peripheralId}`);
    const resumeScan = this.scan.pause();
    const attempt = AbortSignal.any([signal, this.lifetime.signal]);
    let peripheral: Peripheral | null = null;
    try {
      await this.scan.idle();
      peripheral = await createLink(this.noble, peripheralId, attempt);
      const { characteristics, mtu } = await discoverService(peripheral, serviceUuid, attempt);
      const connection = new NobleGattConnection(this.noble, peripheral, characteristics, mtu);
      this.connections.set(peripheralId, connection);
      connection.onDisconnect(() => this.connections.delete(peripheralId));
      return connection;
    } catch (error) {
      if (peripheral && peripheral.state === 'connected') peripheral.disconnect();
      if (!peripheral && attempt.aborted) await settleCancelledAttempt(this.noble, peripheralId);
      if (this.state === 'gone') throw this.goneError();
      if (this.state === 'closed') throw new BleLinkError('gone', 'The central was closed');
      throw error;
    } finally {
      resumeScan();
    }
  }

  private stateChanged(state: AdapterState): void {
    if (state === 'poweredOn' && this.state === 'opening') this.state = 'open';
    else if (state !== 'poweredOn' && this.state === 'open') this.gone();
  }

  /** The dongle went (unplugged, its port closed): links and scans end, and the central closes. */
  private gone(): void {
    if (this.state !== 'open' && this.state !== 'opening') return;
    this.state = 'gone';
    this.lifetime.abort();
    for (const connection of this.connections.values()) connection.dropped('dongle_gone');
    this.scan.gone();
    for (const listener of [...this.goneListeners]) listener();
    this.goneListeners.clear();
    void this.close();
  }

  private async release(): Promise<void> {
    const wasOpen = this.state === 'open';
    if (this.state !== 'gone') this.state = 'closed';
    this.lifetime.abort();
    if (wasOpen) {
      // Say goodbye while the port is open, so the controller does not keep links and scans alive.
      const goodbye = Promise.all([...this.connections.values()].map((connection) => connection.disconnect()));
      await within(goodbyeLimitMs, Promise.all([goodbye, this.scan.stopAll()]));
    }
    this.scan.gone();
    this.noble.removeListener('stateChange', this.onState);
    this.unwatchPort();
    const port = serialPortOf(this.noble);
    try {
      this.noble.stop();
    } catch {
      // noble had not started its bindings yet (closed in the same tick it was opened)
    }
    await serialPortClosed(port);
    this.goneListeners.clear();
  }

  private mustBeOpen(): void {
    if (this.state === 'gone') throw this.goneError();
    if (this.state !== 'open') throw new BleLinkError('gone', 'The central is closed');
  }

  private goneError(): BleLinkError {
    return new BleLinkError('gone', `The dongle ${this.dongle.label} went away`);
  }
}

/** Waits for `work`, but no longer than `ms`. */
async function within(ms: number, work: Promise<unknown>): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
  await Promise.race([work, limit]);
  clearTimeout(timer);
}

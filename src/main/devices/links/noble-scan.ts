import type { Noble, Peripheral } from '@stoprocent/noble';
import type { BleAdvertisement } from '../ble/gatt';

interface ScanSession {
  serviceUuids: readonly string[];
  onAdvertisement: (advertisement: BleAdvertisement) => void;
}

/** RSSI 127 means "not available": noble reports it for a link it made without having scanned. */
const rssiUnavailable = 127;

/**
 * The scans of one central over noble's single scanner: noble scans (duplicates allowed, every
 * service) while anyone listens and no connection is being made, and each session gets the
 * reports for its services. Scan changes run one at a time, since noble keeps one callback per
 * scan event and a second start in flight would leave the first waiting forever.
 */
export class NobleScan {
  private readonly sessions = new Set<ScanSession>();
  private pauses = 0;
  private scanning = false;
  private changes: Promise<void> = Promise.resolve();
  private ended = false;
  private end: () => void = () => undefined;
  private readonly endedSignal = new Promise<void>((resolve) => (this.end = resolve));
  private readonly onDiscover = (peripheral: Peripheral) => this.heard(peripheral);

  constructor(private readonly noble: Noble) {
    noble.on('discover', this.onDiscover);
  }

  async add(serviceUuids: readonly string[], onAdvertisement: ScanSession['onAdvertisement'], goneError: () => Error): Promise<() => Promise<void>> {
    const session: ScanSession = { serviceUuids, onAdvertisement };
    this.sessions.add(session);
    await this.reconcile();
    if (this.ended) throw goneError();
    return async () => {
      if (!this.sessions.delete(session)) return;
      await this.reconcile();
    };
  }

  /** Stops scanning while a connection is made (noble would stop it anyway); returns the resume. */
  pause(): () => void {
    this.pauses += 1;
    void this.reconcile();
    let resumed = false;
    return () => {
      if (resumed) return;
      resumed = true;
      this.pauses -= 1;
      void this.reconcile();
    };
  }

  /** Resolves when the scan changes asked for so far are done. */
  idle(): Promise<void> {
    return this.reconcile();
  }

  stopAll(): Promise<void> {
    this.sessions.clear();
    return this.reconcile();
  }

  /** The dongle went or the central closed: nothing more is reported, no change waits for noble. */
  gone(): void {
    this.ended = true;
    this.sessions.clear();
    this.noble.removeListener('discover', this.onDiscover);
    this.end();
  }

  private reconcile(): Promise<void> {
    this.changes = this.changes.then(() => Promise.race([this.change(), this.endedSignal]));
    return this.changes;
  }

  private async change(): Promise<void> {
    if (this.ended) return;
    const wanted = this.sessions.size > 0 && this.pauses === 0;
    try {
      if (wanted && !this.scanning) {
        await this.noble.startScanningAsync([], true);
        this.scanning = true;
      } else if (!wanted && this.scanning) {
        await this.noble.stopScanningAsync();
        this.scanning = false;
      }
    } catch {
      // noble refuses when it is not powered on: the dongle is going, and gone() follows
    }
  }

  private heard(peripheral: Peripheral): void {
    if (peripheral.rssi === rssiUnavailable) return;
    const advertisement = advertisementOf(peripheral);
    for (const session of [...this.sessions]) {
      const wanted = session.serviceUuids.length === 0 || session.serviceUuids.some((uuid) => advertisement.serviceUuids.includes(uuid));
      if (wanted) session.onAdvertisement(advertisement);
    }
  }
}

function advertisementOf(peripheral: Peripheral): BleAdvertisement {
  const { localName, manufacturerData, serviceUuids } = peripheral.advertisement;
  return {
    peripheralId: peripheral.id,
    address: peripheral.address,
    rssi: peripheral.rssi,
    localName: localName ?? null,
    manufacturerData: manufacturerData ? new Uint8Array(manufacturerData) : null,
    serviceUuids: [...(serviceUuids ?? [])],
  };
}

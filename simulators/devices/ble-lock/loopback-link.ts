import { BleLinkError, type GattCharacteristicDefinition, type GattConnection, type GattServiceDefinition, type PeripheralLink, type VirtualPeripheral } from '../../../src/main/devices/ble/gatt';

/**
 * One connection between the loopback central and a virtual peripheral, with no radio in
 * between: each write, notification and the disconnect are delivered on a later turn of the
 * event loop, in the order they were made (setImmediate keeps order), so a notification sent
 * just before the peripheral hangs up still arrives, as the link layer would deliver it.
 */
export class LoopbackLink implements GattConnection {
  readonly peripheralId: string;
  readonly peripheralSide: PeripheralLink;
  private up = true;
  private centralKnowsDown = false;
  private readonly subscriptions = new Map<string, (value: Uint8Array) => void>();
  private readonly disconnectListeners = new Set<(reason: string) => void>();

  constructor(
    private readonly peripheral: VirtualPeripheral,
    private readonly service: GattServiceDefinition,
    readonly mtu: number,
    private readonly onDown: () => void,
  ) {
    this.peripheralId = peripheral.address;
    this.peripheralSide = {
      mtu,
      notify: (uuid, value) => this.notified(uuid, value),
      disconnect: () => this.drop('remote user terminated the connection (0x13)'),
    };
  }

  write(uuid: string, value: Uint8Array, signal: AbortSignal): Promise<void> {
    const characteristic = this.characteristic(uuid, 'write');
    if (value.length > this.mtu - 3) return Promise.reject(new BleLinkError('att_error', `a write of ${value.length} bytes at MTU ${this.mtu}`));
    const copy = Uint8Array.from(value);
    return this.later(signal, () => characteristic.onWrite?.(copy, this.peripheralSide));
  }

  async subscribe(uuid: string, onValue: (value: Uint8Array) => void): Promise<void> {
    this.characteristic(uuid, 'notify');
    this.subscriptions.set(uuid, onValue);
  }

  read(uuid: string, signal: AbortSignal): Promise<Uint8Array> {
    const characteristic = this.characteristic(uuid, 'read');
    return this.later(signal, () => Uint8Array.from(characteristic.onRead?.(this.peripheralSide) ?? new Uint8Array(0)));
  }

  async disconnect(): Promise<void> {
    this.drop('local host terminated the connection (0x16)');
  }

  onDisconnect(listener: (reason: string) => void): () => void {
    this.disconnectListeners.add(listener);
    return () => this.disconnectListeners.delete(listener);
  }

  /** Both ends learn of it on a later turn, after everything already in flight. */
  private drop(reason: string): void {
    if (!this.up) return;
    this.up = false;
    setImmediate(() => {
      this.centralKnowsDown = true;
      this.peripheral.disconnected();
      this.onDown();
      for (const listener of [...this.disconnectListeners]) listener(reason);
    });
  }

  private notified(uuid: string, value: Uint8Array): void {
    if (!this.up) return;
    const copy = Uint8Array.from(value);
    setImmediate(() => {
      if (!this.centralKnowsDown) this.subscriptions.get(uuid)?.(copy);
    });
  }

  /** An ATT request: done on a later turn, if the link is still up and the peripheral in range. */
  private later<T>(signal: AbortSignal, work: () => T): Promise<T> {
    if (!this.up) return Promise.reject(new BleLinkError('disconnected', 'the link is down'));
    return new Promise((resolve, reject) =>
      setImmediate(() => {
        if (signal.aborted) return reject(new BleLinkError('aborted', 'the request was cancelled'));
        if (this.up && !this.peripheral.inRange()) this.drop('connection supervision timeout (0x08)');
        if (!this.up) return reject(new BleLinkError('disconnected', 'the link dropped'));
        resolve(work());
      }),
    );
  }

  private characteristic(uuid: string, property: 'read' | 'write' | 'notify'): GattCharacteristicDefinition {
    const found = this.service.characteristics.find((c) => c.uuid === uuid);
    if (!found || !found.properties.includes(property)) throw new BleLinkError('att_error', `no characteristic ${uuid} to ${property}`);
    return found;
  }
}

import { assertNever } from '../../../src/shared/errors';
import type { GattServiceDefinition, PeripheralLink, VirtualPeripheral } from '../../../src/main/devices/ble/gatt';
import { randomEphemeral, type EphemeralSource } from '../../../src/main/devices/ble/protocol/ephemeral-key';
import { lockAdvertisingData, lockIdOf, lockScanResponseData } from '../../../src/main/devices/ble/protocol/lock-advertisement';
import { encodeLockInfo } from '../../../src/main/devices/ble/protocol/lock-info';
import { bleLockProtocolVersion, controlPointUuid, lockInfoUuid, lockServiceUuid, responseUuid } from '../../../src/main/devices/ble/protocol/lock-service';
import type { SimDoor } from '../sim-door';
import { writeBatteryThreshold } from '../sim-door-faults';
import { LockApplication } from './lock-application';
import { LockConnection, type LockFirmware } from './lock-connection';
import { LockKeys } from './lock-keys';
import { ReceiveTap } from './receive-tap';
import type { ClearableFault, SimBleLockFault } from './sim-ble-lock-faults';

export interface SimBleLockOptions {
  /** The lock's door: its model's limits, its table, its own faults. */
  door: SimDoor;
  /** The 8 digits on the label. */
  setupCode: string;
  /** Commissioned with this key; factory-new without one. */
  lockKey?: Uint8Array;
  /** Random static address; defaults to one made from the serial. */
  address?: string;
  rssi?: number;
  /** Flash write time per entry at COMMIT, as the key-programmer's door. */
  writeMsPerEntry?: number;
  ephemeral?: EphemeralSource;
  now?: () => number;
}

/**
 * A Bluetooth lock as the radio sees it: it advertises its door's battery and checksum, serves
 * the Porter lock service, and answers key-programmer commands over a sealed session with the
 * same routing as the simulated programmer (its door permanently on the "cable").
 */
export class SimBleLock implements VirtualPeripheral {
  readonly address: string;
  readonly services: readonly GattServiceDefinition[];
  readonly door: SimDoor;
  private readonly keys: LockKeys;
  private readonly application: LockApplication;
  private readonly tap = new ReceiveTap();
  private readonly ephemeral: EphemeralSource;
  private readonly firmware: LockFirmware;
  private link: PeripheralLink | null = null;
  private connection: LockConnection | null = null;
  private outOfRange = false;

  constructor(private readonly options: SimBleLockOptions) {
    this.door = options.door;
    this.address = options.address ?? addressFor(this.door.serial);
    this.keys = new LockKeys(this.door.serial, options.setupCode, options.lockKey ?? null, options.now ?? Date.now);
    this.ephemeral = options.ephemeral ?? randomEphemeral;
    this.application = new LockApplication(this.door, modelIdOf(this.door), options.writeMsPerEntry ?? 0.2, () => this.dropLink());
    this.firmware = {
      serial: this.door.serial,
      ephemeral: () => this.ephemeral(),
      secretFor: (mode) => this.keys.secretFor(mode),
      handshakeFailed: (mode) => this.keys.handshakeFailed(mode),
      handshakeSucceeded: (mode) => this.keys.handshakeSucceeded(mode),
      commission: (lockKey) => this.keys.commission(lockKey),
      run: (payload, signal) => this.application.run(payload, signal),
    };
    this.services = [
      {
        uuid: lockServiceUuid,
        characteristics: [
          { uuid: lockInfoUuid, properties: ['read'], onRead: () => this.lockInfo() },
          { uuid: controlPointUuid, properties: ['write'], onWrite: (value) => this.written(value) },
          { uuid: responseUuid, properties: ['notify'] },
        ],
      },
    ];
  }

  get commissioned(): boolean {
    return this.keys.commissioned;
  }

  /** A central is connected (the lock has not yet heard of a link's end). */
  get hasCentral(): boolean {
    return this.link !== null;
  }

  /** For tests: does the lock hold exactly this key? */
  holdsKey(lockKey: Uint8Array): boolean {
    return this.keys.holds(lockKey);
  }

  advertisingData(): Uint8Array {
    const battery = this.door.batteryPercent;
    const table = this.door.tableState;
    return lockAdvertisingData({ lockId: lockIdOf(this.door.serial), batteryPercent: battery, commissioned: this.commissioned, batteryLow: battery < writeBatteryThreshold, tableChecksum: table.checksum });
  }

  scanResponseData(): Uint8Array {
    return lockScanResponseData();
  }

  inRange(): boolean {
    return !this.outOfRange;
  }

  rssi(): number {
    return this.options.rssi ?? -60;
  }

  connected(link: PeripheralLink): void {
    this.link = link;
    this.tap.reset();
    this.connection = new LockConnection(this.firmware, link);
  }

  /** The stage belongs to the session, as it belongs to the programmer's cable: it goes with the link. */
  disconnected(): void {
    this.connection?.ended();
    this.connection = null;
    this.link = null;
    this.door.cableLost();
  }

  /** The link drops now (the technician walked off, a wall in the way). */
  dropLink(): void {
    this.link?.disconnect();
  }

  /** The button inside the housing: the lock forgets its key and table, and takes its setup code again. */
  factoryReset(): void {
    this.dropLink();
    this.keys.factoryReset();
    this.door.stageBegin({ baseChecksum: 0, fromEmpty: true });
    this.door.commit({ expectedChecksum: 0 });
  }

  inject(fault: SimBleLockFault): void {
    switch (fault.kind) {
      case 'out_of_range':
        this.outOfRange = true;
        return this.dropLink();
      case 'link_drop_mid_commit':
        return this.door.inject({ kind: 'unplug_mid_commit', tableAfter: fault.tableAfter });
      case 'link_drop_before_commit':
        return this.application.dropLinkAtNextCommit();
      case 'wrong_key':
        return this.keys.holdAnotherKey(true);
      case 'tampered_write':
        return this.tap.tamper();
      case 'replayed_write':
        return this.tap.replay();
      case 'full_lock':
      case 'low_battery':
      case 'clock_far_off':
      case 'audit_gap':
      case 'unplug_mid_commit':
        return this.door.inject(fault);
      default:
        assertNever(fault, 'BLE lock fault');
    }
  }

  clearFault(kind: ClearableFault): void {
    if (kind === 'out_of_range') this.outOfRange = false;
    else if (kind === 'wrong_key') this.keys.holdAnotherKey(false);
    else this.door.clearFault(kind === 'link_drop_mid_commit' ? 'unplug_mid_commit' : kind);
  }

  private lockInfo(): Uint8Array {
    return encodeLockInfo({ protocolVersion: bleLockProtocolVersion, commissioned: this.commissioned, serial: this.door.serial, modelId: modelIdOf(this.door), firmware: this.door.firmware });
  }

  private written(value: Uint8Array): void {
    for (const write of this.tap.pass(value)) this.connection?.received(write);
  }
}

/** SimDoor.describe always answers ok: it is the door itself, not a programmer in front of it. */
function modelIdOf(door: SimDoor): string {
  const described = door.describe();
  return described.status === 'ok' ? described.modelId : '';
}

/** A random static address (top two bits set) that stays the same for a serial. */
function addressFor(serial: string): string {
  const bytes = Buffer.from(lockIdOf(serial), 'hex').subarray(0, 6);
  bytes[0] = (bytes[0] ?? 0) | 0xc0;
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join(':');
}

/**
 * The Bluetooth link: the bottom layer of the BLE lock stack, the counterpart of `link.ts`
 * for the key-programmer. Two sides meet here:
 * - the console's central (`BleCentral`, `GattConnection`): a dongle opened through a BLE
 *   stack. The real one is noble over HCI (`links/noble-central.ts`); tests may use an
 *   in-memory pair. The lock's GATT protocol (`ble/protocol`) and session sit on top.
 * - a simulated lock's peripheral side (`VirtualPeripheral`): what the simulated HCI
 *   controller (`sim/hci`) advertises and serves over ATT, byte for byte as a lock would.
 * UUIDs are lower-case 128-bit strings without dashes, as noble spells them.
 */

/** A BLE dongle the console can use: an HCI controller on USB or on a serial port. */
export interface BleDongleInfo {
  /** 'usb:<vid>:<pid>:<bus>-<address>' or 'uart:<port path>'; stable while plugged in. */
  id: string;
  transport: 'usb' | 'uart';
  /** For the page: "nRF52840 HCI (USB 2fe3:000b)" or "Serial /dev/ttyACM0". */
  label: string;
  /** USB ids, for USB dongles. */
  vendorId: number | null;
  productId: number | null;
  /** The serial port, for UART dongles. */
  port: string | null;
  /** True for the simulated controller, so the UI can say so. */
  simulated: boolean;
}

/** One advertising report, as the central hears it. */
export interface BleAdvertisement {
  /** The peripheral's id in the stack (noble's `peripheral.id`); what `connect` takes. */
  peripheralId: string;
  /** 'aa:bb:cc:dd:ee:ff'. */
  address: string;
  rssi: number;
  localName: string | null;
  /** Manufacturer-specific data, company id first (little-endian), or null. */
  manufacturerData: Uint8Array | null;
  /** Service UUIDs the advertisement lists. */
  serviceUuids: readonly string[];
}

export interface BleCentral {
  readonly dongle: BleDongleInfo;
  /**
   * Scans (duplicates allowed, so signal and battery stay live) and calls `onAdvertisement`
   * for every report until the returned stop is called or the dongle goes.
   */
  startScan(serviceUuids: readonly string[], onAdvertisement: (advertisement: BleAdvertisement) => void): Promise<() => Promise<void>>;
  /**
   * Connects, exchanges the ATT MTU, discovers `serviceUuid` and its characteristics.
   * Rejects with `BleLinkError` ('out_of_range' when the connection cannot be made,
   * 'no_service' when the peripheral lacks the service, 'aborted', 'gone').
   */
  connect(peripheralId: string, serviceUuid: string, signal: AbortSignal): Promise<GattConnection>;
  close(): Promise<void>;
  /** Called once when the dongle goes away (unplugged, stack error); returns an unsubscribe. */
  onGone(listener: () => void): () => void;
}

export interface GattConnection {
  readonly peripheralId: string;
  /** The negotiated ATT MTU: a write or notification carries at most `mtu - 3` bytes. */
  readonly mtu: number;
  /** Write Request (with response); resolves on the Write Response. */
  write(characteristicUuid: string, value: Uint8Array, signal: AbortSignal): Promise<void>;
  /** Enables notifications (CCCD) and calls `onValue` for each one, in order. */
  subscribe(characteristicUuid: string, onValue: (value: Uint8Array) => void): Promise<void>;
  read(characteristicUuid: string, signal: AbortSignal): Promise<Uint8Array>;
  disconnect(): Promise<void>;
  /** Called once when the link drops (out of range, the peripheral hung up, disconnect()). */
  onDisconnect(listener: (reason: string) => void): () => void;
}

export type BleLinkErrorCode = 'out_of_range' | 'no_service' | 'disconnected' | 'aborted' | 'gone' | 'att_error';

export class BleLinkError extends Error {
  constructor(
    readonly code: BleLinkErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'BleLinkError';
  }
}

// ---- The peripheral side, for simulated locks ----

export type GattProperty = 'read' | 'write' | 'writeWithoutResponse' | 'notify';

export interface GattCharacteristicDefinition {
  uuid: string;
  properties: readonly GattProperty[];
  /** A read: the value now. */
  onRead?(link: PeripheralLink): Uint8Array;
  /** A write (the ATT layer has answered or will answer the Write Request successfully). */
  onWrite?(value: Uint8Array, link: PeripheralLink): void;
}

export interface GattServiceDefinition {
  uuid: string;
  characteristics: readonly GattCharacteristicDefinition[];
}

/** What a simulated peripheral can do to the one central connected to it. */
export interface PeripheralLink {
  /** The negotiated ATT MTU (23 until the central exchanges it). */
  readonly mtu: number;
  /** A Handle Value Notification; dropped silently when the central has not subscribed. */
  notify(characteristicUuid: string, value: Uint8Array): void;
  /** The peripheral hangs up (Disconnect with reason 0x13). */
  disconnect(): void;
}

/** A simulated peripheral the simulated controller advertises and serves. */
export interface VirtualPeripheral {
  /** 'aa:bb:cc:dd:ee:ff' (random static). */
  readonly address: string;
  /** AD structures of ADV_IND, at most 31 bytes. Asked at every advertising event. */
  advertisingData(): Uint8Array;
  /** AD structures of SCAN_RSP (the local name), at most 31 bytes. */
  scanResponseData(): Uint8Array;
  readonly services: readonly GattServiceDefinition[];
  /** Heard at all (false: out of range: no reports, connections fail, links drop). */
  inRange(): boolean;
  /** Received signal strength at the dongle, dBm. */
  rssi(): number;
  /** A central connected; the link is valid until `disconnected`. */
  connected(link: PeripheralLink): void;
  disconnected(): void;
}

import type { BleAdvertisement, BleDongleInfo, BleLinkErrorCode } from '../../ble/gatt';

/*
 * The messages between the core and the BLE host process (ble-host-entry.ts), over a forked
 * child's IPC channel with 'advanced' serialization (so Uint8Arrays cross as they are).
 */

export type HostCall =
  | { op: 'open'; dongle: BleDongleInfo }
  | { op: 'startScan'; serviceUuids: readonly string[] }
  | { op: 'stopScan'; scanId: number }
  | { op: 'connect'; peripheralId: string; serviceUuid: string }
  | { op: 'write'; connectionId: number; uuid: string; value: Uint8Array }
  | { op: 'read'; connectionId: number; uuid: string }
  | { op: 'subscribe'; connectionId: number; uuid: string }
  | { op: 'disconnect'; connectionId: number }
  | { op: 'close' };

export type ToHost = { type: 'call'; id: number; call: HostCall } | { type: 'abort'; id: number };

export type FromHost =
  | { type: 'answer'; id: number; ok: true; value: unknown }
  | { type: 'answer'; id: number; ok: false; code: BleLinkErrorCode | null; message: string }
  | { type: 'advertisement'; scanId: number; advertisement: BleAdvertisement }
  | { type: 'notification'; connectionId: number; uuid: string; value: Uint8Array }
  | { type: 'disconnected'; connectionId: number; reason: string }
  | { type: 'gone' };

export interface ConnectAnswer {
  connectionId: number;
  peripheralId: string;
  mtu: number;
}

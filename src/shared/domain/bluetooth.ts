import { z } from 'zod';
import { DoorRef } from './credentials';
import { DoorJob } from './hardware';
import { Timestamp } from './primitives';

/** A BLE dongle this console can use: an HCI controller on USB or on a serial port. */
export const BluetoothDongle = z.object({
  id: z.string().max(300),
  label: z.string(),
  transport: z.enum(['usb', 'uart']),
  simulated: z.boolean(),
});
export type BluetoothDongle = z.infer<typeof BluetoothDongle>;

/** A Bluetooth lock the dongle hears, with what its advertisement says. */
export const BluetoothLock = z.object({
  /** `ble:<lock id>` (the id the lock advertises): what the job commands take in place of a programmer's id. */
  id: z.string().max(200),
  /** Null for a lock the console does not know yet (factory-new, or assigned on no door here). */
  serial: z.string().nullable(),
  /** Received signal strength, dBm: about -50 next to the door, -90 at the edge of range. */
  rssi: z.number().int(),
  batteryPercent: z.number().int(),
  /** False for a factory-new lock: it needs its setup code and a door (commissioning). */
  commissioned: z.boolean(),
  /** The door it is assigned to, by serial; null for a lock not assigned yet. */
  door: DoorRef.extend({ buildingName: z.string().nullable() }).nullable(),
  /** The lock lacks changes the console holds for it (or holds a table the console did not write). */
  pending: z.boolean(),
  lastHeardAt: Timestamp,
  busy: z.boolean(),
  /** The job running on it now, else its door's latest. */
  job: DoorJob.nullable(),
});
export type BluetoothLock = z.infer<typeof BluetoothLock>;

/** A round: every pending Bluetooth door in range, programmed one after another. */
export const BluetoothRound = z.object({
  status: z.enum(['running', 'finished', 'stopped']),
  startedBy: z.string(),
  startedAt: Timestamp,
  /** Doors in the order they are taken, each with its outcome once done. */
  doors: z.array(
    z.object({
      lockId: z.string(),
      door: DoorRef,
      status: z.enum(['waiting', 'running', 'succeeded', 'failed', 'interrupted', 'skipped']),
      detail: z.string().nullable(),
    }),
  ),
});
export type BluetoothRound = z.infer<typeof BluetoothRound>;

export const BluetoothOverview = z.object({
  /** Dongles found on this computer's USB ports and serial ports. */
  dongles: z.array(BluetoothDongle),
  /** The dongle in use, if any. */
  dongle: BluetoothDongle.nullable(),
  state: z.enum(['no_dongle', 'starting', 'scanning', 'error']),
  message: z.string().nullable(),
  /** Heard in the last few seconds, strongest signal first. */
  locks: z.array(BluetoothLock),
  round: BluetoothRound.nullable(),
  /** Simulated hardware only: the floor whose locks the simulated dongle hears. */
  simulatedFloorId: z.string().nullable(),
});
export type BluetoothOverview = z.infer<typeof BluetoothOverview>;

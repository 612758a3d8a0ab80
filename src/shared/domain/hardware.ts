import { z } from 'zod';
import { LockModel } from './community';
import { DoorRef } from './credentials';
import { Id, searchMaxLength, Timestamp } from './primitives';
import { LocalTime, Weekday } from './schedule';

/** A door waiting for a technician: what the console wants differs from what it last read. */
export const PendingDoor = DoorRef.extend({
  unitId: Id.nullable(),
  modelId: Id,
  modelName: z.string(),
  pendingSince: Timestamp,
  buildingName: z.string().nullable(),
  /** When the oldest ended credential this door still holds ended (revocation exposure), or null. */
  exposedSince: Timestamp.nullable(),
  /** How many ended credentials the door still holds. */
  exposedCount: z.number().int().min(0),
});
export type PendingDoor = z.infer<typeof PendingDoor>;

/** One step of a job as the technician sees it. */
export const JobStep = z.object({
  name: z.string(),
  status: z.enum(['waiting', 'running', 'done', 'failed', 'skipped']),
  detail: z.string().nullable(),
});
export type JobStep = z.infer<typeof JobStep>;

export const JobKind = z.enum(['program', 'read_audit', 'set_clock', 'configure_reader']);
export type JobKind = z.infer<typeof JobKind>;

/** A job on one door through one programmer; an interrupted one resumes after a replug. */
export const DoorJob = z.object({
  id: Id,
  kind: JobKind,
  door: DoorRef,
  status: z.enum(['running', 'succeeded', 'failed', 'interrupted']),
  startedBy: z.string(),
  startedAt: Timestamp,
  finishedAt: Timestamp.nullable(),
  /** 0..1 across all steps. */
  progress: z.number().min(0).max(1),
  steps: z.array(JobStep),
  /** What went wrong and what to do about it, in the technician's words. */
  error: z.object({ message: z.string(), advice: z.string() }).nullable(),
  /** What a succeeded job did ("Writing 3, removing 1", "12 records added"). */
  result: z.string().nullable(),
});
export type DoorJob = z.infer<typeof DoorJob>;

/** The lock or reader on a programmer's cable, as it described itself. */
export const AttachedDoor = z.object({
  serial: z.string(),
  kind: z.enum(['lock', 'reader']),
  modelId: z.string(),
  modelName: z.string(),
  firmware: z.string(),
  batteryPercent: z.number().int(),
  /** Lock clock minus console clock, in seconds. */
  clockDriftSeconds: z.number().int(),
  usedSlots: z.number().int(),
  slots: z.number().int(),
  /** The door the lock is assigned to, by serial; null for a lock not yet assigned. */
  door: DoorRef.nullable(),
  /** Desired vs reported, as a job would do it; null for an unassigned lock. */
  changes: z
    .object({ toWrite: z.number().int(), toRemove: z.number().int(), fullRewrite: z.boolean(), desired: z.number().int() })
    .nullable(),
  lastAuditRecord: z.number().int(),
});
export type AttachedDoor = z.infer<typeof AttachedDoor>;

/** A key-programmer on a USB port, the door on its cable, and its latest job. */
export const Programmer = z.object({
  id: z.string().max(200),
  name: z.string(),
  serial: z.string().nullable(),
  firmware: z.string().nullable(),
  simulated: z.boolean(),
  /** 'error': the programmer answered badly or not at all; the message says what to do. */
  state: z.enum(['ready', 'busy', 'error']),
  message: z.string().nullable(),
  door: AttachedDoor.nullable(),
  job: DoorJob.nullable(),
});
export type Programmer = z.infer<typeof Programmer>;

/** What a maintenance technician works from: programmers, models in service and doors waiting. */
export const HardwareOverview = z.object({
  programmers: z.array(Programmer),
  models: z.array(z.object({ model: LockModel, doorCount: z.number().int() })),
  pendingDoors: z.array(PendingDoor),
  /** Doors whose latest job was interrupted or failed, newest first, wherever their lock is now. */
  unfinishedJobs: z.array(DoorJob),
});
export type HardwareOverview = z.infer<typeof HardwareOverview>;

/** A perimeter reader's configuration (OSDP address, card formats, LED, buzzer, unlocked hours). */
export const ReaderConfig = z.object({
  osdpAddress: z.number().int().min(0).max(126),
  cardFormats: z.array(z.enum(['wiegand_26', 'wiegand_34', 'wiegand_37', 'osdp_secure'])),
  led: z.enum(['off', 'on_idle', 'on_grant_only']),
  buzzerOnGrant: z.boolean(),
  buzzerOnDeny: z.boolean(),
  /** Hours the door stands unlocked (free access), in the community's time. */
  unlockedHours: z
    .array(
      z.object({
        days: z.array(Weekday).min(1, 'Choose at least one day').max(7),
        from: LocalTime,
        until: LocalTime,
      }),
    )
    .max(8),
});
export type ReaderConfig = z.infer<typeof ReaderConfig>;

/** Faults the simulator injects on request, each once (a battery or a clock stays as set). */
export const SimulatedFault = z.enum([
  'drop_report',
  'corrupt_crc',
  'wrong_sequence',
  'stall',
  'unplug_mid_commit',
  'lock_full',
  'low_battery',
  'clock_far_off',
  'audit_gap',
]);
export type SimulatedFault = z.infer<typeof SimulatedFault>;

/** Faults a simulated Bluetooth lock takes on request (docs/protocols/ble-lock.md says what each does). */
export const SimulatedBluetoothFault = z.enum([
  'out_of_range',
  'back_in_range',
  'link_drop_mid_commit',
  'link_drop_before_commit',
  'wrong_key',
  'tampered_write',
  'replayed_write',
  'lock_full',
  'low_battery',
]);
export type SimulatedBluetoothFault = z.infer<typeof SimulatedBluetoothFault>;

/** The label of the simulator's factory-new Bluetooth lock: what a technician types to commission it. */
export const simulatedSetupCode = '20261126';

/** What can go wrong with a simulated Z-Wave lock; 'alive' brings a dead one back. */
export const SimulatedZWaveFault = z.enum(['dead', 'alive', 'refuse_next_code', 'full', 'codes_changed_at_keypad', 'battery_low', 'jammed', 'tamper']);
export type SimulatedZWaveFault = z.infer<typeof SimulatedZWaveFault>;

const ZWaveNodeId = z.number().int().min(1).max(232);

export const HardwareSimulation = z.discriminatedUnion('action', [
  z.object({ action: z.literal('plug') }).strict(),
  z.object({ action: z.literal('unplug'), programmerId: z.string().max(200) }).strict(),
  z.object({ action: z.literal('attach'), programmerId: z.string().max(200), doorId: Id }).strict(),
  z.object({ action: z.literal('detach'), programmerId: z.string().max(200) }).strict(),
  z.object({ action: z.literal('fault'), programmerId: z.string().max(200), fault: SimulatedFault }).strict(),
  /** The technician walks to a floor: its Bluetooth locks come in range, the last floor's leave. */
  z.object({ action: z.literal('ble_walk'), floorId: Id }).strict(),
  z.object({ action: z.literal('ble_fault'), lockId: z.string().max(200), fault: SimulatedBluetoothFault }).strict(),
  /** A factory-new lock (setup code `simulatedSetupCode`) comes in range, to be commissioned. */
  z.object({ action: z.literal('ble_new_lock'), modelId: Id }).strict(),
  /** A guest types a code at a simulated Z-Wave lock's keypad. */
  z.object({ action: z.literal('zwave_keypad'), nodeId: ZWaveNodeId, code: z.string().regex(/^\d{4,10}$/, 'A keypad code is 4 to 10 digits.') }).strict(),
  z.object({ action: z.literal('zwave_fault'), nodeId: ZWaveNodeId, fault: SimulatedZWaveFault }).strict(),
  /** A factory-new Z-Wave lock waits to be included; its DSK PIN shows in the panel. */
  z.object({ action: z.literal('zwave_new_lock'), security: z.enum(['s2', 's0']), failBootstrap: z.boolean().optional() }).strict(),
  /** The Z-Wave stick is pulled out (mid-job, if one runs), or put back. */
  z.object({ action: z.literal('zwave_unplug') }).strict(),
  z.object({ action: z.literal('zwave_plug') }).strict(),
]);
export type HardwareSimulation = z.infer<typeof HardwareSimulation>;

/** Training's simulated Z-Wave locks as the simulator panel shows them: node, door, and what the lock holds. */
export const SimulatedZWavePanel = z.object({
  plugged: z.boolean(),
  locks: z.array(
    z.object({
      nodeId: z.number().int(),
      doorId: Id.nullable(),
      product: z.string(),
      security: z.enum(['s2', 's0', 'none']),
      locked: z.boolean(),
      batteryPercent: z.number(),
      dead: z.boolean(),
    }),
  ),
  /** A factory-new lock waiting to be added: its DSK label, the PIN being its first five digits. */
  factoryNewLock: z.object({ product: z.string(), security: z.enum(['s2', 's0']), dsk: z.string(), pin: z.string(), failBootstrap: z.boolean() }).nullable(),
});
export type SimulatedZWavePanel = z.infer<typeof SimulatedZWavePanel>;

/** A door as a technician picks it (attach, assign): where it is, its model, its lock's serial. */
export const HardwareDoor = DoorRef.extend({
  buildingName: z.string().nullable(),
  modelId: Id,
  modelName: z.string(),
  serial: z.string().nullable(),
});
export type HardwareDoor = z.infer<typeof HardwareDoor>;

export const HardwareDoorQuery = z
  .object({
    search: z.string().max(searchMaxLength).optional(),
    modelId: Id.optional(),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .strict();

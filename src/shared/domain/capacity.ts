import { z } from 'zod';
import { BulkTarget, DoorRef } from './credentials';
import { AccessType, CredentialKind, Id, Timestamp } from './primitives';
import { ScheduleRequest } from './schedule';

/** The weeks a door's grant rate is taken over. */
export const capacityRateWeeks = 4;

/**
 * How many slots a door holds and how fast it fills (issue 16, "Slot capacity"). `total` is the
 * lock's own count where a live lock reported one (a Z-Wave lock's User Code users), else its
 * model's; the top `reserved` of them are kept for staff and emergency codes, so guests have
 * `guestSlots`, of which `used` are taken and `free` left.
 */
export const DoorCapacity = z.object({
  door: DoorRef,
  buildingName: z.string().nullable(),
  modelId: Id,
  modelName: z.string(),
  total: z.number().int(),
  source: z.enum(['lock', 'model']),
  reserved: z.number().int(),
  guestSlots: z.number().int(),
  used: z.number().int(),
  free: z.number().int(),
  /** Codes a live lock holds where the console wants none (set at the keypad, or ended and not yet dropped). */
  otherCodesOnLock: z.number().int(),
  /** Credentials put on the door, and taken off it, per week over the last `capacityRateWeeks` weeks. */
  grantsPerWeek: z.number(),
  endsPerWeek: z.number(),
  /** When the guests' slots run out if the door keeps filling as it did; null when it is not filling. */
  runsOutAt: Timestamp.nullable(),
  /** Within a few slots of full (`nearFullSlots`). */
  nearFull: z.boolean(),
});
export type DoorCapacity = z.infer<typeof DoorCapacity>;

/** A credential staff could end to make room on a door: time over but still holding its slot, or the oldest temporary one. */
export const EndFirst = z.object({
  credentialId: Id,
  guestName: z.string(),
  unitLabel: z.string(),
  accessType: AccessType,
  kind: CredentialKind,
  createdAt: Timestamp,
  endsAt: Timestamp.nullable(),
  why: z.enum(['time_over', 'oldest_temporary']),
});
export type EndFirst = z.infer<typeof EndFirst>;

/** A door a planned grant would fill to within a few slots of full, or past it. */
export const CapacityWarning = z.object({
  capacity: DoorCapacity,
  /** Slots this grant takes on the door: one, or one per unit of a bulk grant that reaches it. */
  needed: z.number().int(),
  /** Guest slots left after the grant; negative when the door cannot take it all. */
  freeAfter: z.number().int(),
  endFirst: z.array(EndFirst),
});
export type CapacityWarning = z.infer<typeof CapacityWarning>;

export const GrantCapacityRequest = z.object({ unitId: Id, kind: CredentialKind, schedule: ScheduleRequest }).strict();
export const BulkCapacityRequest = z.object({ target: BulkTarget, kind: CredentialKind, schedule: ScheduleRequest }).strict();

export const SlotReservation = z.object({
  modelId: Id,
  modelName: z.string(),
  slots: z.number().int(),
  reserved: z.number().int(),
  changedAt: Timestamp.nullable(),
  changedBy: z.string().nullable(),
});
export type SlotReservation = z.infer<typeof SlotReservation>;

/** The Hardware page's capacity section: the fullest doors first, and each model's reservation. */
export const CapacityOverview = z.object({
  doors: z.array(DoorCapacity),
  /** Doors in all; `doors` holds the fullest of them. */
  doorCount: z.number().int(),
  nearFullCount: z.number().int(),
  reservations: z.array(SlotReservation),
});
export type CapacityOverview = z.infer<typeof CapacityOverview>;

export const SetReservedSlots = z
  .object({
    modelId: Id,
    reserved: z.number().int('Reserved slots are a whole number').min(0, 'Reserved slots cannot be negative').max(100_000),
  })
  .strict();

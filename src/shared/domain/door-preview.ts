import { z } from 'zod';
import { BulkTarget, DoorRef } from './credentials';
import { CredentialKind, Id } from './primitives';
import { LocalDateTime, LocalTime, ScheduleRequest, Weekday } from './schedule';

/** The grant form's draft, before Save: the same unit, type and schedule a grant takes. */
export const AccessPreviewRequest = z.object({ unitId: Id, kind: CredentialKind, schedule: ScheduleRequest }).strict();
export type AccessPreviewRequest = z.input<typeof AccessPreviewRequest>;

/** The bulk form's draft: the same units, type and schedule a bulk grant takes. */
export const BulkPreviewRequest = z.object({ target: BulkTarget, kind: CredentialKind, schedule: ScheduleRequest }).strict();
export type BulkPreviewRequest = z.input<typeof BulkPreviewRequest>;

/**
 * The schedule as one lock will run it, in the community's wall-clock time (locks keep their
 * clock in the community's zone). `keptBy`: the lock alone, Porter alone (the lock holds the
 * code at any time and Porter adds and removes it), or both.
 */
export const ScheduleAsRun = z.object({
  /** "Mon, Thu 11:00 AM–1:00 PM", "Any time while the code is on the lock". */
  words: z.string(),
  keptBy: z.enum(['lock', 'porter', 'both']),
  /** The lock's user type (Matter Door Lock cluster): unrestricted, year-day, week-day, both, or one-time. */
  userType: z.enum(['unrestricted_user', 'year_day_schedule_user', 'week_day_schedule_user', 'schedule_restricted_user', 'disposable_user']),
  /** Daily windows on some days of the week. */
  weekly: z.array(z.object({ days: z.array(Weekday), from: LocalTime, until: LocalTime })),
  /** Date-and-time spans; `until` null: the latest time the lock can hold. */
  dated: z.array(z.object({ from: LocalDateTime, until: LocalDateTime.nullable() })),
  timeZone: z.string(),
});
export type ScheduleAsRun = z.infer<typeof ScheduleAsRun>;

/** Something the lock cannot represent, in words, and what Porter does instead. */
export const Approximation = z.object({ what: z.string(), porterDoes: z.string() });
export type Approximation = z.infer<typeof Approximation>;

/** How the credential reaches the door: live over the Z-Wave stick, or on a technician's round (key-programmer or Bluetooth). */
export const DoorDelivery = z.object({
  path: z.enum(['live', 'round']),
  link: z.enum(['zwave', 'key_programmer', 'bluetooth']),
  words: z.string(),
});
export type DoorDelivery = z.infer<typeof DoorDelivery>;

/** One door the credential would reach, and what its lock would hold. */
export const DoorPreview = z.object({
  door: DoorRef,
  lockModel: z.string(),
  /** The slot the lock would store it in; null: the next free one when it is written. */
  slot: z.number().int().nullable(),
  schedule: ScheduleAsRun,
  approximations: z.array(Approximation),
  delivery: DoorDelivery,
  canHold: z.boolean(),
  /** Why the door cannot hold it, naming the door; null when it can. */
  reason: z.string().nullable(),
});
export type DoorPreview = z.infer<typeof DoorPreview>;

/** Every door a grant would reach; `refusal` (null when it can be granted) is what Save would be refused with. */
export const AccessPreview = z.object({ doors: z.array(DoorPreview), refusal: z.string().nullable() });
export type AccessPreview = z.infer<typeof AccessPreview>;

export const UnitCannotHold = z.object({ unitId: Id, unitLabel: z.string(), reason: z.string() });
export type UnitCannotHold = z.infer<typeof UnitCannotHold>;

/** One unit of a bulk draft: how many doors, reached how, and whether they can all hold it. */
export const UnitPreviewSummary = z.object({
  unitId: Id,
  unitLabel: z.string(),
  doors: z.number().int(),
  live: z.number().int(),
  round: z.number().int(),
  approximated: z.number().int(),
  canHold: z.boolean(),
  reason: z.string().nullable(),
});
export type UnitPreviewSummary = z.infer<typeof UnitPreviewSummary>;

/**
 * A bulk draft: each unit's summary; the units that cannot hold it; and the doors, each door
 * once with how many of the units reach it (unit doors alike grouped into one row, slot null).
 */
export const BulkAccessPreview = z.object({
  units: z.array(UnitPreviewSummary),
  cannotHold: z.array(UnitCannotHold),
  doors: z.array(DoorPreview.extend({ units: z.number().int() })),
});
export type BulkAccessPreview = z.infer<typeof BulkAccessPreview>;

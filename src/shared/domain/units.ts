import { z } from 'zod';
import { LockCapabilities } from './community';
import { AccessType, CredentialKind, Id, searchMaxLength, Timestamp } from './primitives';
import { unitSortColumns } from './values';

/** A door is in sync when it last reported the state the console wants on it. */
export const DoorStatus = z.enum(['in_sync', 'pending', 'never_programmed']);
export type DoorStatus = z.infer<typeof DoorStatus>;

export const UnitSortColumn = z.enum(unitSortColumns);
export type UnitSortColumn = z.infer<typeof UnitSortColumn>;

/** Where a unit's live credentials stand today; "pending at the door" is the door status. */
export const CredentialTiming = z.enum(['active', 'scheduled', 'expiring_today']);
export type CredentialTiming = z.infer<typeof CredentialTiming>;

/** Which units the grid shows; the same filter picks the units of a bulk grant. */
export const UnitFilter = z
  .object({
    search: z.string().max(searchMaxLength).optional(),
    buildingId: Id.optional(),
    floor: z.number().int().min(-5).max(200).optional(),
    lockModelId: Id.optional(),
    doorStatus: DoorStatus.optional(),
    /** Units holding a live credential of this type... */
    credentialType: AccessType.optional(),
    /** ...and/or one in this state today (in the community's time zone). */
    credentialTiming: CredentialTiming.optional(),
  })
  .strict();
export type UnitFilter = z.input<typeof UnitFilter>;

/** One window of the building-wide grid: filters and sort run in the store, not in the page. */
export const UnitQuery = UnitFilter.extend({
    sort: z
      .object({ column: UnitSortColumn, direction: z.enum(['asc', 'desc']) })
      .strict()
      .default({ column: 'unit', direction: 'asc' }),
    offset: z.number().int().min(0).max(1_000_000).default(0),
    limit: z.number().int().min(1).max(500).default(100),
  }).strict();
export type UnitQuery = z.input<typeof UnitQuery>;

/** A compact chip of the grid: how many live credentials of one type, kind and timing. */
export const CredentialChip = z.object({ type: AccessType, kind: CredentialKind, timing: CredentialTiming, count: z.number().int() });
export type CredentialChip = z.infer<typeof CredentialChip>;

export { doorLowBatteryPercent } from './values';

export const UnitRow = z.object({
  id: Id,
  number: z.string(),
  buildingId: Id,
  buildingName: z.string(),
  floor: z.number().int(),
  /** The unit door's lock model and what it can hold, so forms offer only what fits. */
  lockModel: z.object({ id: Id, name: z.string(), capabilities: LockCapabilities }),
  credentialCount: z.number().int(),
  kinds: z.object({ pin: z.number().int(), ble: z.number().int() }),
  /** Live credentials grouped for the grid's chips, most numerous first. */
  chips: z.array(CredentialChip),
  doorStatus: DoorStatus,
  pendingSince: Timestamp.nullable(),
  /** The unit door's battery as its lock last reported it (a programmer's read, a Bluetooth or Z-Wave report); null before any. */
  doorBatteryPercent: z.number().int().nullable(),
});
export type UnitRow = z.infer<typeof UnitRow>;

export const UnitPage = z.object({
  total: z.number().int(),
  offset: z.number().int(),
  rows: z.array(UnitRow),
});
export type UnitPage = z.infer<typeof UnitPage>;

const Named = z.object({ id: Id, name: z.string() });

/**
 * Every unit's own columns, once a session ('units.index'): parallel arrays, a unit a place,
 * so the grid finds units by number and building name on every key before the core answers.
 */
export const UnitIndex = z.object({
  buildings: z.array(Named),
  lockModels: z.array(Named),
  ids: z.array(Id),
  numbers: z.array(z.string()),
  building: z.array(z.number().int().min(0)),
  floors: z.array(z.number().int()),
  lockModel: z.array(z.number().int().min(0)),
}) satisfies z.ZodType<import('../unit-directory').UnitIndex>;
export type UnitIndex = z.infer<typeof UnitIndex>;

import { z } from 'zod';
import { CredentialKind, Id, Role, searchMaxLength, Timestamp } from './primitives';
import { Schedule, ScheduleRequest } from './schedule';
import { UnitFilter } from './units';

export const Guest = z.object({
  id: Id,
  name: z.string(),
  /** E.164, e.g. +13125550142 */
  phone: z.string(),
  company: z.string().nullable(),
});
export type Guest = z.infer<typeof Guest>;

/** Computed from the schedule, the clock and what the doors reported; never stored. */
export const CredentialStatus = z.enum(['scheduled', 'active', 'used', 'expired', 'revoked']);
export type CredentialStatus = z.infer<typeof CredentialStatus>;
/** What the Access list filters by: a status, or 'current' (active or scheduled: who has access now or soon). */
export const CredentialStatusFilter = z.enum(['current', ...CredentialStatus.options]);
export type CredentialStatusFilter = z.infer<typeof CredentialStatusFilter>;

/** The text that tells the guest: queued in the outbox, sent by the cloud, or failed. */
export const NotificationStatus = z.enum(['queued', 'sent', 'failed']);
export type NotificationStatus = z.infer<typeof NotificationStatus>;

/** A guest is a visitor of the resident; a vendor works for a company (cleaner, dog walker). */
export const Audience = z.enum(['guest', 'vendor']);
export type Audience = z.infer<typeof Audience>;

export const DoorKind = z.enum(['unit', 'entrance', 'perimeter', 'amenity', 'package_room']);
export type DoorKind = z.infer<typeof DoorKind>;

export const DoorRef = z.object({ id: Id, name: z.string(), kind: DoorKind });
export type DoorRef = z.infer<typeof DoorRef>;

/**
 * What a guest holds for a unit: a PIN code or a Bluetooth pass, its schedule, and every
 * door it opens. The PIN itself never leaves the main process through this shape.
 */
export const Credential = z.object({
  id: Id,
  unitId: Id,
  unitNumber: z.string(),
  buildingName: z.string(),
  /** phone is null where the viewer's role is not shown guests' numbers (maintenance). */
  guest: Guest.extend({ phone: z.string().nullable() }),
  audience: Audience,
  kind: CredentialKind,
  schedule: Schedule,
  /** The schedule as staff read it (and the guest's text says it), e.g. "Mon, Wed, Fri 11:00 AM–1:00 PM". */
  scheduleText: z.string(),
  status: CredentialStatus,
  doors: z.array(DoorRef),
  /** requests: texts asked for (the grant and each resend); status: the last one's. */
  notification: z.object({ status: NotificationStatus, requests: z.number().int(), lastError: z.string().nullable() }),
  createdAt: Timestamp,
  createdBy: z.string(),
  revokedAt: Timestamp.nullable(),
  revokedBy: z.string().nullable(),
  usedAt: Timestamp.nullable(),
  /** When new dates were set, the credential this one replaced, and the one that replaced it. */
  reissuedFrom: Id.nullable(),
  reissuedAs: Id.nullable(),
  /** Granted on another console and received through the cloud: a kiosk may not change it. */
  grantedElsewhere: z.boolean(),
  /** While the text waited, the code was shown once to staff, or printed on a card, to hand over. */
  codeHandOver: z.object({ at: Timestamp, by: z.string(), how: z.enum(['shown', 'printed']) }).nullable(),
  /** The granter's role (null: unknown, an old grant). A kiosk changes only what a kiosk granted here. */
  grantedByRole: Role.nullable(),
  /**
   * A vendor's visit this credential is part of: one bulk grant's credentials, one per unit,
   * sharing one code (or pass), texted once and ended as one. `units`: how many it covers.
   */
  visit: z.object({ id: Id, units: z.number().int() }).nullable(),
});
export type Credential = z.infer<typeof Credential>;

export const GuestInput = z
  .object({
    name: z.string().trim().min(1, 'Enter the guest’s name').max(100),
    phone: z.string().trim().min(1, 'Enter a phone number').max(32),
    company: z.string().trim().max(100).optional(),
  })
  .strict();

/**
 * One id per submission of a grant form, made when the form opens: the core grants once per
 * id, so a double click or a retry after a dropped connection cannot grant (and text) twice.
 */
export const RequestId = z.uuid('A request id is a UUID');

export const GrantRequest = z
  .object({
    requestId: RequestId.optional(),
    unitId: Id,
    kind: CredentialKind,
    audience: Audience.default('guest'),
    guest: GuestInput,
    schedule: ScheduleRequest,
  })
  .strict();
export type GrantRequest = z.input<typeof GrantRequest>;

/** Units a bulk grant may name by id: every unit of a 10,000-unit community. */
export const maxBulkUnitIds = 10_000;

/** Many units at once: those picked in the grid, a whole floor, or a whole building. */
export const BulkTarget = z.discriminatedUnion('scope', [
  z.object({ scope: z.literal('units'), unitIds: z.array(Id).min(1).max(maxBulkUnitIds) }).strict(),
  z.object({ scope: z.literal('floor'), buildingId: Id, floor: z.number().int().min(-5).max(200) }).strict(),
  z.object({ scope: z.literal('building'), buildingId: Id }).strict(),
  /** "Select all matching the filter" in the grid: the core resolves the units itself. */
  z.object({ scope: z.literal('filter'), filter: UnitFilter }).strict(),
]);

export const BulkGrantRequest = z
  .object({
    requestId: RequestId.optional(),
    target: BulkTarget,
    kind: CredentialKind,
    audience: Audience,
    guest: GuestInput,
    schedule: ScheduleRequest,
    /**
     * Units some door of which cannot hold the credential (access.previewBulk lists them):
     * 'refuse' (the default) refuses the whole job up front; 'leave_out' grants the others and
     * lists those as left out.
     */
    unitsThatCannotHold: z.enum(['refuse', 'leave_out']).default('refuse'),
  })
  .strict();
export type BulkGrantRequest = z.input<typeof BulkGrantRequest>;

/**
 * One outcome per unit: granted; refused with the reason the lock or the guidelines gave; or
 * left out before the run, since some door of the unit cannot hold it (the request said so).
 */
export const BulkGrantResult = z.object({
  granted: z.array(z.object({ unitId: Id, unitLabel: z.string(), credentialId: Id })),
  refused: z.array(z.object({ unitId: Id, unitLabel: z.string(), code: z.string(), reason: z.string() })),
  leftOut: z.array(z.object({ unitId: Id, unitLabel: z.string(), reason: z.string() })),
  /** A vendor's visit: the granted units share one code (or pass), and the vendor gets one text for all of them. */
  visit: z.object({ kind: CredentialKind, guestName: z.string() }).optional(),
});
export type BulkGrantResult = z.infer<typeof BulkGrantResult>;

/** A bulk grant a crash cut short: "stopped after 87 of 168 units", until staff finish it. */
export const BulkRun = z.object({
  id: Id,
  /** "Delivery PIN code for Dana Whitfield of Brightway Cleaning" */
  what: z.string(),
  startedAt: Timestamp,
  startedBy: z.string(),
  /** Units with an outcome (granted or refused), of all the run's units. */
  done: z.number().int(),
  total: z.number().int(),
});
export type BulkRun = z.infer<typeof BulkRun>;

export const RevokeRequest = z
  .object({ credentialId: Id, reason: z.string().trim().max(200).optional() })
  .strict();
export type RevokeRequest = z.input<typeof RevokeRequest>;

/** New dates for a credential: it is reissued (a new credential) and the old one revoked. */
export const RescheduleRequest = z.object({ credentialId: Id, schedule: ScheduleRequest }).strict();
export type RescheduleRequest = z.input<typeof RescheduleRequest>;

export const CredentialQuery = z
  .object({
    search: z.string().max(searchMaxLength).optional(),
    unitId: Id.optional(),
    status: CredentialStatusFilter.optional(),
    type: z.enum(['permanent', 'temporary', 'recurring', 'delivery']).optional(),
    offset: z.number().int().min(0).max(1_000_000).default(0),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .strict();
export type CredentialQuery = z.input<typeof CredentialQuery>;

export const CredentialPage = z.object({ total: z.number().int(), offset: z.number().int(), credentials: z.array(Credential) });
export type CredentialPage = z.infer<typeof CredentialPage>;

/** Handing a PIN code over while the guest's text waits: shown once on screen, or printed on a card. */
export const CodeHandOverRequest = z.object({ credentialId: Id, how: z.enum(['shown', 'printed']) }).strict();
export type CodeHandOverRequest = z.infer<typeof CodeHandOverRequest>;

/** The code and what a card says with it; answered once per credential, never kept by the renderer. */
export const CodeHandOver = z.object({
  code: z.string(),
  guestName: z.string(),
  unitLabel: z.string(),
  scheduleText: z.string(),
  doors: z.array(z.string()),
});
export type CodeHandOver = z.infer<typeof CodeHandOver>;

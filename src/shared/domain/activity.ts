import { z } from 'zod';
import { Id, Timestamp } from './primitives';

export const AuditAction = z.enum([
  'community.loaded',
  'staff.signed_in',
  'staff.signed_out',
  'staff.sign_in_refused',
  'access.granted',
  'access.refused',
  'access.revoked',
  'access.rescheduled',
  'access.resent',
  'access.expired',
  'access.used',
  'community.guidelines_changed',
  'access.bulk_granted',
  'door.programmed',
  'door.clock_set',
  'door.reader_configured',
  'door.lock_assigned',
  'door.job_failed',
  /** A record from a door's own audit trail, read by a programmer. */
  'door.event',
  /** Record numbers missing from a door's audit trail. */
  'door.audit_gap',
  /** Something done on another console, as the cloud passed it on. */
  'sync.received',
  /** The cloud refused a change made here, and what it did instead. */
  'sync.rejected',
]);
export type AuditAction = z.infer<typeof AuditAction>;

/** One line of the append-only, hash-chained audit log, as staff see it. */
export const AuditEntry = z.object({
  seq: z.number().int(),
  at: Timestamp,
  actor: z.string(),
  action: AuditAction,
  subjectId: Id.nullable(),
  unitId: Id.nullable(),
  doorIds: z.array(Id),
  summary: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const ActivityFilter = z
  .object({
    action: AuditAction.optional(),
    actor: z.string().max(100).optional(),
    unitId: Id.optional(),
    /** Words in the summary: a guest's name, a unit number, a door. */
    search: z.string().max(100).optional(),
  })
  .strict();
export type ActivityFilter = z.input<typeof ActivityFilter>;

export const ActivityQuery = ActivityFilter.extend({
  limit: z.number().int().min(1).max(200).default(50),
  beforeSeq: z.number().int().min(1).optional(),
}).strict();
export type ActivityQuery = z.input<typeof ActivityQuery>;

export const ActivityPage = z.object({ entries: z.array(AuditEntry) });
export type ActivityPage = z.infer<typeof ActivityPage>;

export const ChainVerification = z.object({
  intact: z.boolean(),
  entries: z.number().int(),
  /** The first entry that no longer matches its hash or its predecessor, if any. */
  firstBrokenSeq: z.number().int().nullable(),
});
export type ChainVerification = z.infer<typeof ChainVerification>;

export const ActivityExport = z.object({ fileName: z.string(), csv: z.string(), rows: z.number().int() });
export type ActivityExport = z.infer<typeof ActivityExport>;

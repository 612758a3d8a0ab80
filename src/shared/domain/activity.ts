import { z } from 'zod';
import { Id, searchMaxLength, Timestamp } from './primitives';

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
  /** A PIN code shown once to staff, or printed, to hand over while the guest's text waits. */
  'access.code_handed_over',
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
  /** A door's lock let go of an ended credential it still held: the end of its exposure. */
  'door.code_dropped',
  /** Something done on another console, as the cloud passed it on. */
  'sync.received',
  /** The cloud refused a change made here, and what it did instead. */
  'sync.rejected',
  /** From here on the log is keyed with this console's audit key (kept in the OS keychain). */
  'audit.sealed',
  /** An admin changed how many of a lock model's slots are kept for staff and emergency codes. */
  'capacity.reserved_changed',
  /** Leasing asked an admin to approve vendor access; an admin approved (and the grant was made) or declined it; or it expired unapproved. */
  'access.approval_requested',
  'access.approval_approved',
  'access.approval_declined',
  'access.approval_expired',
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
    actor: z.string().max(searchMaxLength).optional(),
    unitId: Id.optional(),
    /** Words in the summary: a guest's name, a unit number, a door. */
    search: z.string().max(searchMaxLength).optional(),
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

/** The end of the log as something outside it recorded: the cloud at a sync round, or an exported CSV's closing line. */
export const AuditHead = z.object({ seq: z.number().int().min(1), hash: z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 hex digits') }).strict();
export type AuditHead = z.infer<typeof AuditHead>;

/** What "Verify audit chain" checks the log against, besides itself. */
export const VerifyRequest = z
  .object({
    /** The closing line of an earlier export: a log cut short or rewritten since shows. */
    exportHead: AuditHead.optional(),
  })
  .strict();
export type VerifyRequest = z.input<typeof VerifyRequest>;

/**
 * One thing wrong with the log, over entries fromSeq to toSeq:
 * - edited: entries changed after they were written (their seal no longer matches);
 * - removed: entries missing from the middle of the log;
 * - rewritten: the log recomputed, so even the keyed entry where the seal began, or an entry
 *   the cloud or an export recorded (`source`, `heldSeq`), is not what it was;
 * - truncated: the newest entries deleted: `source` recorded entry `heldSeq`, the log ends at fromSeq - 1;
 * - extended: entries at the end not written by Porter (no seal of this console's key);
 * - unverifiable: entries sealed with a key this console does not hold (a lost keychain, a
 *   data folder brought from another computer).
 */
export const ChainFinding = z.object({
  kind: z.enum(['edited', 'removed', 'rewritten', 'truncated', 'extended', 'unverifiable']),
  fromSeq: z.number().int(),
  toSeq: z.number().int(),
  source: z.enum(['chain', 'keychain', 'cloud', 'export']),
  heldSeq: z.number().int().nullable(),
});
export type ChainFinding = z.infer<typeof ChainFinding>;

export const ChainVerification = z.object({
  intact: z.boolean(),
  entries: z.number().int(),
  /** The newest entry's seq (0 for an empty log). */
  lastSeq: z.number().int(),
  /** The first entry that no longer matches its hash or its predecessor, if any. */
  firstBrokenSeq: z.number().int().nullable(),
  findings: z.array(ChainFinding),
  /** Where this console's key began; entries before it were made before the log was keyed. */
  sealedFrom: z.number().int().nullable(),
  /**
   * The cloud's latest anchor of this log: checked against it, none yet, the cloud could not
   * be reached, or no cloud set up.
   */
  cloud: z.object({ state: z.enum(['checked', 'no_anchor', 'unreachable', 'not_set_up']), seq: z.number().int().nullable() }),
  /** The export's closing line, when one was given. */
  exportSeq: z.number().int().nullable(),
});
export type ChainVerification = z.infer<typeof ChainVerification>;

export const ActivityExport = z.object({ fileName: z.string(), csv: z.string(), rows: z.number().int() });
export type ActivityExport = z.infer<typeof ActivityExport>;

import { z } from 'zod';
import { Id, Timestamp } from './primitives';

export const AuditAction = z.enum(['community.loaded', 'access.granted', 'access.revoked']);
export type AuditAction = z.infer<typeof AuditAction>;

/** One line of the append-only, hash-chained audit log, as staff see it. */
export const AuditEntry = z.object({
  seq: z.number().int(),
  at: Timestamp,
  actor: z.string(),
  action: AuditAction,
  subjectId: Id.nullable(),
  summary: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const ActivityQuery = z
  .object({
    limit: z.number().int().min(1).max(200).default(50),
    beforeSeq: z.number().int().min(1).optional(),
  })
  .strict();

export const ActivityPage = z.object({
  entries: z.array(AuditEntry),
  /** False when a stored entry no longer matches its hash: the log was tampered with. */
  chainIntact: z.boolean(),
});
export type ActivityPage = z.infer<typeof ActivityPage>;

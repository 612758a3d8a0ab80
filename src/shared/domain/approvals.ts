import { z } from 'zod';
import { BulkGrantRequest, GrantRequest } from './credentials';
import { Id, Timestamp } from './primitives';

/** Why the vendor needs the access, in the requester's words; an admin reads it before deciding. */
const Reason = z.string().trim().min(1, 'Say why the vendor needs access').max(300, 'The reason can be at most 300 characters');

/**
 * Leasing asks an admin to approve vendor access where the guidelines say vendors need an
 * admin's approval: the grant form's request for one unit, or the bulk form's for many.
 */
export const VendorApprovalRequest = z.discriminatedUnion('scope', [
  z.object({ scope: z.literal('unit'), grant: GrantRequest, reason: Reason }).strict(),
  z.object({ scope: z.literal('units'), grant: BulkGrantRequest, reason: Reason }).strict(),
]);
export type VendorApprovalRequest = z.input<typeof VendorApprovalRequest>;

export const ApprovalState = z.enum(['pending', 'approved', 'declined', 'expired']);
export type ApprovalState = z.infer<typeof ApprovalState>;

/** One request as staff read it: what, where, for whom, why, and what became of it. */
export const VendorApproval = z.object({
  id: Id,
  state: ApprovalState,
  /** "Temporary PIN code for Dana Whitfield of Brightway Cleaning" */
  what: z.string(),
  /** "North Tower 204", or "3 units: North Tower 201, North Tower 202, North Tower 203" */
  where: z.string(),
  unitCount: z.number().int(),
  scheduleText: z.string(),
  phone: z.string(),
  reason: z.string(),
  requestedBy: z.string(),
  requestedAt: Timestamp,
  /** Unapproved by then (when its access would start), it expires. */
  expiresAt: Timestamp,
  decidedBy: z.string().nullable(),
  decidedAt: Timestamp.nullable(),
  declineReason: z.string().nullable(),
  /** What approving made: "Granted", "Granted on 12 of 12 units". */
  outcome: z.string().nullable(),
});
export type VendorApproval = z.infer<typeof VendorApproval>;

export const ApprovalDecision = z.object({ approvalId: Id }).strict();
export const ApprovalDecline = z.object({ approvalId: Id, reason: Reason }).strict();
export type ApprovalDecline = z.input<typeof ApprovalDecline>;

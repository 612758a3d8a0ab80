import type { z } from 'zod';
import { BulkGrantRequest, GrantRequest, type StaffMember, type VendorApproval } from '../../../shared/domain';
import { PorterError } from '../../../shared/errors';
import { findApproval, markDecided, toApprovalView, type ApprovalRecord } from '../../store/vendor-approvals-repo';
import { runUserAction } from '../../store/user-action';
import type { AccessContext } from '../access-context';
import { bulkGrant } from '../bulk-grant';
import { grantGuestAccess } from '../grant-guest-access';
import { getCredentialRecord } from '../../store/credentials-repo';
import { approvalCredentialId, approvalRunId } from './approval-credential-ids';

const stateWords = { approved: 'approved', declined: 'declined', expired: 'expired' } as const;

/** The pending request an admin decides on, or a refusal saying why it cannot be decided. */
function pendingApproval(ctx: AccessContext, actor: StaffMember, approvalId: string): ApprovalRecord {
  const a = findApproval(ctx.db, approvalId);
  if (!a) throw new PorterError('not_found', 'There is no approval request by that id.', 'approvalId');
  if (a.state !== 'pending') throw new PorterError('conflict', `This request was already ${stateWords[a.state]}${a.decidedBy ? ` by ${a.decidedBy}` : ''}.`, 'approvalId');
  if (a.requestedById === actor.id) throw new PorterError('forbidden', 'You asked for this access: another admin decides on it.', 'approvalId');
  if (a.expiresAt <= ctx.now().toISOString())
    throw new PorterError('conflict', `This request expired unapproved when its access was to start; ask ${a.requestedBy} to send a new one.`, 'approvalId');
  return a;
}

/** What approving made, in the request's words: the grant, or each unit's outcome. */
function grantAsAsked(ctx: AccessContext, actor: StaffMember, a: ApprovalRecord): string {
  if (a.scope === 'unit') {
    const grant = GrantRequest.parse(a.grant) as z.output<typeof GrantRequest>;
    const credentialId = approvalCredentialId(a.id, grant.unitId);
    // Another console's approval of this request already reached here: its grant is this one.
    if (!getCredentialRecord(ctx.db, credentialId)) grantGuestAccess(ctx, actor, grant, { id: credentialId, approvalId: a.id });
    return 'Granted';
  }
  const outcome = bulkGrant(ctx, actor, BulkGrantRequest.parse(a.grant), { runId: approvalRunId(a.id) });
  const total = outcome.granted.length + outcome.refused.length;
  return `Granted on ${outcome.granted.length} of ${total} units${outcome.refused.length ? `, ${outcome.refused.length} refused` : ''}`;
}

/**
 * An admin approves: the grant is made as asked, by the admin, through the grant path (its
 * checks, its text to the vendor, its audit entries), then the request is marked approved and
 * audited. The grant uses the request's own id as its submission, so an approval retried after
 * a crash between the two grants once, and names its credentials from the request, so the same
 * request approved on two consoles before either synced grants once (approval-credential-ids.ts).
 * The decision goes to every console through the cloud, which takes the first to reach it. A grant refused now (new guidelines, a full lock)
 * leaves the request pending, and the admin reads why.
 */
export function approveVendorAccess(ctx: AccessContext, actor: StaffMember, approvalId: string): VendorApproval {
  const a = pendingApproval(ctx, actor, approvalId);
  const outcome = grantAsAsked(ctx, actor, a);
  const at = ctx.now().toISOString();
  runUserAction(ctx.db, () => {
    if (!markDecided(ctx.db, a.id, { state: 'approved', by: actor.name, at, outcome })) throw new PorterError('conflict', 'This request was decided meanwhile.', 'approvalId');
    const summary = `Approved ${a.requestedBy}’s request for a ${a.what} on ${toApprovalView(a, ctx.now()).where}: ${outcome}`;
    return {
      result: undefined,
      record: {
        audit: { at, actor: actor.name, action: 'access.approval_approved', subjectId: a.id, summary, details: { approvalId: a.id } },
        mutation: { kind: 'approval.decided', payload: { approvalId: a.id, decision: 'approved', declineReason: null, outcome, at }, actor },
      },
    };
  });
  return toApprovalView(findApproval(ctx.db, a.id)!, ctx.now());
}

/** An admin declines, with a reason the requester reads; nothing is granted. */
export function declineVendorAccess(ctx: AccessContext, actor: StaffMember, approvalId: string, reason: string): VendorApproval {
  const a = pendingApproval(ctx, actor, approvalId);
  const at = ctx.now().toISOString();
  runUserAction(ctx.db, () => {
    markDecided(ctx.db, a.id, { state: 'declined', by: actor.name, at, declineReason: reason });
    const summary = `Declined ${a.requestedBy}’s request for a ${a.what} on ${toApprovalView(a, ctx.now()).where}. Reason: ${reason}`;
    return {
      result: undefined,
      record: {
        audit: { at, actor: actor.name, action: 'access.approval_declined', subjectId: a.id, summary, details: { approvalId: a.id } },
        mutation: { kind: 'approval.decided', payload: { approvalId: a.id, decision: 'declined', declineReason: reason, outcome: null, at }, actor },
      },
    };
  });
  return toApprovalView(findApproval(ctx.db, a.id)!, ctx.now());
}

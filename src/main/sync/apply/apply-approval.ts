import type { PayloadOf } from '../../../shared/sync';
import type { AccessContext } from '../../access/access-context';
import { findApproval, findApprovalByRequestId, recordApproval, settleDecision } from '../../store/vendor-approvals-repo';
import type { CloudChange } from '../cloud-client';

/**
 * A vendor approval request asked on another console: pending here, for an admin here to
 * decide. Who asked is who the cloud proved. Answers whether it is new here.
 */
export function receiveApprovalRequest(ctx: AccessContext, a: PayloadOf<'approval.requested'>, change: CloudChange): boolean {
  if (findApproval(ctx.db, a.approvalId) || findApprovalByRequestId(ctx.db, a.requestId)) return false;
  recordApproval(ctx.db, {
    id: a.approvalId, requestId: a.requestId, scope: a.scope, grant: a.grant, what: a.what, unitLabels: a.unitLabels, scheduleText: a.scheduleText, phone: a.phone,
    reason: a.reason, requestedById: change.actor?.id ?? a.requestedById, requestedBy: change.actor?.name ?? 'another console', requestedAt: a.requestedAt, expiresAt: a.expiresAt,
    state: 'pending', decidedBy: null, decidedAt: null, declineReason: null, outcome: null,
  });
  return true;
}

/**
 * The decision the cloud took first, made on this console or another: it is the request's here
 * too, over a local expiry or this console's own decision that came second (the cloud refused
 * it; a grant it made here follows the cloud's through its refusal and the pull). This
 * console's own decision coming back changes nothing.
 */
export function receiveApprovalDecision(ctx: AccessContext & { consoleId: string }, d: PayloadOf<'approval.decided'>, change: CloudChange, by: string): boolean {
  const held = findApproval(ctx.db, d.approvalId);
  if (!held || (change.origin === ctx.consoleId && held.state !== 'pending')) return false;
  return settleDecision(ctx.db, d.approvalId, { state: d.decision, by, at: d.at, declineReason: d.declineReason, outcome: d.outcome });
}

import { approvalsDueToExpire, markDecided, toApprovalView } from '../../store/vendor-approvals-repo';
import { runUserAction } from '../../store/user-action';
import type { AccessContext } from '../access-context';
import { systemActor } from '../expire-credentials';

/** Requests still unapproved when their access was to start expire, each audited. Answers how many. */
export function expireVendorApprovals(ctx: AccessContext): number {
  const now = ctx.now();
  const at = now.toISOString();
  const due = approvalsDueToExpire(ctx.db, at);
  for (const a of due) {
    runUserAction(ctx.db, () => {
      if (!markDecided(ctx.db, a.id, { state: 'expired', by: null, at })) return { result: undefined, record: null };
      const summary = `${a.requestedBy}’s request for a ${a.what} on ${toApprovalView(a, now).where} expired unapproved`;
      return { result: undefined, record: { audit: { at, actor: systemActor, action: 'access.approval_expired', subjectId: a.id, summary, details: { approvalId: a.id } }, mutation: null } };
    });
  }
  return due.length;
}

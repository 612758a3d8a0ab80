import type { StaffMember } from '../../shared/domain';
import { approveVendorAccess, declineVendorAccess } from '../access/approvals/decide-vendor-approval';
import { requestVendorApproval } from '../access/approvals/request-vendor-approval';
import { approvalsAskedBy, approvalsForAdmins, toApprovalView } from '../store/vendor-approvals-repo';
import type { HandlerDeps } from './handlers';
import { actorOf, type CallContext, type Handlers } from './handlers-type';

type ApprovalCommand = 'approvals.list' | 'approvals.request' | 'approvals.approve' | 'approvals.decline';

/** Runs an access action, auditing a refusal (handlers.ts). */
export type AccessAction = <T>(ctx: CallContext, what: string, unitId: string | null, run: (actor: StaffMember) => T) => T;

/** How many decided requests an admin sees under the pending ones, and a requester of their own. */
const recentLimit = 50;

/** Vendor approvals (src/main/access/approvals): leasing asks, an admin approves or declines. */
export function createApprovalHandlers(deps: HandlerDeps, access: AccessAction): Pick<Handlers, ApprovalCommand> {
  return {
    'approvals.list': (_input, ctx) => {
      const actor = actorOf(ctx);
      const records = actor.role === 'admin' ? approvalsForAdmins(deps.db, recentLimit) : approvalsAskedBy(deps.db, actor.id, recentLimit);
      return records.map((a) => toApprovalView(a, deps.now()));
    },
    'approvals.request': (ask, ctx) =>
      access(ctx, 'ask an admin to approve vendor access', ask.scope === 'unit' ? ask.grant.unitId : null, (actor) => requestVendorApproval(deps, actor, ask)),
    'approvals.approve': ({ approvalId }, ctx) => access(ctx, `approve request ${approvalId}`, null, (actor) => approveVendorAccess(deps, actor, approvalId)),
    'approvals.decline': ({ approvalId, reason }, ctx) =>
      access(ctx, `decline request ${approvalId}`, null, (actor) => declineVendorAccess(deps, actor, approvalId, reason)),
  };
}

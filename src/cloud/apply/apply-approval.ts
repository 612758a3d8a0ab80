import type { PayloadOf } from '../../shared/sync';
import { MutationRefused } from '../rules/refusal';
import { sentences, unitLabel } from '../rules/sentences';
import { appendMutationChange, type Applied, type ApplyContext } from './apply-context';

const stateWords = { approved: 'approved', declined: 'declined' } as const;

/**
 * The unit asked for, by the cloud's name for it, or how many units: a request for many names
 * them by id (the asking console resolved its floor or building when it asked).
 */
async function askedWhere(ctx: ApplyContext, grant: PayloadOf<'approval.requested'>['grant']): Promise<string> {
  if (!('target' in grant)) {
    const unit = await ctx.tx.unit(grant.unitId);
    if (!unit) throw new MutationRefused('not_found', `${ctx.community.name} has no unit ${grant.unitId} in the cloud.`);
    return unitLabel(unit, unit.id);
  }
  if (grant.target.scope !== 'units') throw new MutationRefused('invalid_payload', 'A request for many units must name them (target.scope units).');
  return `${grant.target.unitIds.length} units`;
}

/**
 * approval.requested (leasing, see may-act): kept while the community's guidelines, as the
 * cloud has them, keep vendor access for an admin's approval; asked by the proven actor only.
 */
export async function applyApprovalRequest(ctx: ApplyContext, a: PayloadOf<'approval.requested'>): Promise<Applied> {
  if (!ctx.community.guidelines.vendorNeedsManagerApproval)
    throw new MutationRefused('not_allowed', `Vendor access at ${ctx.community.name} needs no admin’s approval now, so this request was not kept; grant the access instead.`);
  if (a.grant.audience !== 'vendor') throw new MutationRefused('invalid_payload', 'Only vendor access waits for an admin’s approval.');
  if (a.requestedById !== ctx.actor.id) throw new MutationRefused('forbidden', `${ctx.actor.name} sent this request, so it cannot name someone else as the one who asked.`);
  const where = await askedWhere(ctx, a.grant);
  if (await ctx.tx.approval(a.approvalId)) throw new MutationRefused('conflict', 'This approval request is already in the cloud from another change; it was not kept twice.');
  await ctx.tx.insertApproval({ id: a.approvalId, requestedById: ctx.actor.id, requestedAt: a.requestedAt, expiresAt: a.expiresAt, request: a });
  const { guest, kind, schedule } = a.grant;
  const said = sentences['approval.requested'](ctx.actor, { guestName: guest.name, company: guest.company ?? null, kind, type: schedule.type }, where);
  return { status: 'accepted', cursor: await appendMutationChange(ctx, a, said), textsQueued: false };
}

/**
 * approval.decided (admins, see may-act): on a pending request the cloud holds, by an admin who
 * did not ask for it. The first decision to reach the cloud is the request's; a later one, from
 * any console, is refused with who decided first.
 */
export async function applyApprovalDecision(ctx: ApplyContext, d: PayloadOf<'approval.decided'>): Promise<Applied> {
  const a = await ctx.tx.approval(d.approvalId);
  if (!a) throw new MutationRefused('not_found', 'The cloud holds no such approval request, so this decision was not applied.');
  if (a.state !== 'pending') throw new MutationRefused('conflict', `This request was already ${stateWords[a.state]} by ${a.decidedBy ?? 'someone'} at ${a.decidedAt ?? 'an earlier time'}; this decision was not applied.`);
  if (a.requestedById === ctx.actor.id) throw new MutationRefused('forbidden', `${ctx.actor.name} asked for this access, so another admin decides on it.`);
  const decided = await ctx.tx.decideApproval(a.id, { state: d.decision, byId: ctx.actor.id, by: ctx.actor.name, at: d.at, declineReason: d.declineReason, outcome: d.outcome });
  if (!decided) throw new MutationRefused('conflict', 'This request was decided meanwhile; this decision was not applied.');
  const requester = (await ctx.tx.staffMember(a.requestedById))?.name ?? 'someone no longer on staff';
  const said = sentences['approval.decided'](ctx.actor, d.decision, a.guestName, requester, d.declineReason);
  return { status: 'accepted', cursor: await appendMutationChange(ctx, d, said), textsQueued: false };
}

/**
 * A grant made by approving a request (its payload names it): refused once the cloud holds that
 * request as declined, a decline on another console having reached the cloud first. The losing
 * console's grant then ends there through the refusal (sync-engine.ts). A request the cloud
 * never held (asked before approvals synced) does not hold the grant back.
 */
export async function checkApprovalStillOpen(ctx: ApplyContext, approvalId: string): Promise<void> {
  const a = await ctx.tx.approval(approvalId);
  if (a?.state === 'declined')
    throw new MutationRefused('conflict', `This vendor request was already declined by ${a.decidedBy ?? 'an admin'} at ${a.decidedAt ?? 'an earlier time'}, so its access was not granted.`);
}

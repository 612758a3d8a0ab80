import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Schedule, ScheduleRequest, StaffMember, VendorApproval, VendorApprovalRequest } from '../../../shared/domain';
import { PorterError } from '../../../shared/errors';
import { recordApproval, findApprovalByRequestId, toApprovalView, type ApprovalRecord } from '../../store/vendor-approvals-repo';
import { unitLabel } from '../../store/unit-labels-repo';
import { runUserAction } from '../../store/user-action';
import type { AccessContext } from '../access-context';
import { targetUnits } from '../bulk-grant';
import { prepareGrant } from '../grant-guest-access';
import { kindNames, typeNames } from '../guidelines';
import { formatPhone } from '../../../shared/phone-format';
import type { PayloadInput } from '../../../shared/sync';
import { describeSchedule, scheduleBounds } from '../schedule';

type ParsedAsk = z.output<typeof VendorApprovalRequest>;

/** How long an admin has to decide a request whose access would start at once. */
const dayMs = 24 * 60 * 60 * 1000;

/**
 * When an unapproved request expires: when its access would start, or, for access that starts
 * at once (or has no start), a day after it was asked, or at its end if that comes first.
 */
export function approvalExpiry(asked: ScheduleRequest, resolved: Schedule, zone: string, now: Date): Date {
  const day = new Date(now.getTime() + dayMs);
  if (asked.type === 'delivery' && !asked.starts) return day;
  const { startsAt, endsAt } = scheduleBounds(resolved, zone);
  if (startsAt && startsAt > now) return startsAt;
  return endsAt && endsAt < day ? endsAt : day;
}

/** The request as the outbox carries it to the cloud and other consoles (src/shared/sync). */
function requestedPayload(a: ApprovalRecord): PayloadInput<'approval.requested'> {
  return {
    approvalId: a.id, requestId: a.requestId, scope: a.scope, grant: a.grant as PayloadInput<'approval.requested'>['grant'], what: a.what, unitLabels: a.unitLabels,
    scheduleText: a.scheduleText, phone: a.phone, reason: a.reason, requestedById: a.requestedById, requestedAt: a.requestedAt, expiresAt: a.expiresAt,
  };
}

/** "Temporary PIN code for Dana Whitfield of Brightway Cleaning" */
function describeAsk(ask: ParsedAsk, name: string, company: string | null): string {
  const { schedule, kind } = ask.grant;
  return `${typeNames[schedule.type]} ${kindNames[kind]} for ${name}${company ? ` of ${company}` : ''}`;
}

/**
 * Leasing asks an admin to approve vendor access the guidelines keep for admins. Everything
 * else a grant is checked against holds now (company, type, dates, phone, units), so an admin
 * approves a grant that can be made; nothing is granted or texted until then. The same form's
 * request id asked twice answers the first request.
 */
export function requestVendorApproval(ctx: AccessContext, actor: StaffMember, ask: ParsedAsk): VendorApproval {
  const community = ctx.community();
  const now = ctx.now();
  if (ask.grant.audience !== 'vendor') throw new PorterError('invalid_input', 'Only vendor access waits for an admin’s approval; grant this access yourself.', 'audience');
  if (!community.guidelines.vendorNeedsManagerApproval)
    throw new PorterError('conflict', `Vendor access at ${community.name} needs no approval now: grant it yourself.`, 'audience');
  const requestId = ask.grant.requestId ?? randomUUID();
  const earlier = findApprovalByRequestId(ctx.db, requestId);
  if (earlier) {
    if (earlier.requestedById !== actor.id) throw new PorterError('conflict', 'This form was already sent for something else. Close it and start again.', 'requestId');
    return toApprovalView(earlier, now);
  }
  const units = ask.scope === 'unit' ? [{ id: ask.grant.unitId, label: unitLabel(ctx.db, ask.grant.unitId) }] : targetUnits(ctx, ask.grant.target);
  if (units.some((u) => u.label === null)) throw new PorterError('not_found', 'There is no unit with this id.', 'unitId');
  const { schedule, guest } = prepareGrant(ctx, actor, { ...ask.grant, unitId: units[0]!.id, audience: 'vendor' }, { askingApproval: true });
  // A bulk ask keeps the units it named now: the admin approves what the requester saw.
  const grant = ask.scope === 'unit' ? { ...ask.grant, requestId } : { ...ask.grant, requestId, target: { scope: 'units' as const, unitIds: units.map((u) => u.id) } };
  const record: ApprovalRecord = {
    id: `approval_${randomUUID()}`, requestId, scope: ask.scope, grant, what: describeAsk(ask, guest.name, guest.company), unitLabels: units.map((u) => u.label!),
    scheduleText: describeSchedule(schedule), phone: formatPhone(guest.phone), reason: ask.reason,
    requestedById: actor.id, requestedBy: actor.name, requestedAt: now.toISOString(), expiresAt: approvalExpiry(ask.grant.schedule, schedule, community.timeZone, now).toISOString(),
    state: 'pending', decidedBy: null, decidedAt: null, declineReason: null, outcome: null,
  };
  const view = toApprovalView(record, now);
  runUserAction(ctx.db, () => {
    recordApproval(ctx.db, record);
    const summary = `Asked an admin to approve a ${record.what} on ${view.where} (${record.scheduleText}), phone ${record.phone}. Reason: ${record.reason}`;
    return {
      result: undefined,
      record: {
        audit: { at: record.requestedAt, actor: actor.name, action: 'access.approval_requested', subjectId: record.id, summary, details: { approvalId: record.id, units: units.map((u) => u.id) } },
        // Every console of the community sees it: an admin may sit at another one.
        mutation: { kind: 'approval.requested', payload: requestedPayload(record), actor },
      },
    };
  });
  return view;
}

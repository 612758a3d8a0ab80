import type { Credential, GrantRequest, StaffMember } from '../../shared/domain';
import type { z } from 'zod';
import { getCredentialRecord } from '../store/credentials-repo';
import { recordSubmission } from '../store/submissions-repo';
import { runUserAction } from '../store/user-action';
import { earlierSubmission } from './submissions';
import type { AccessContext } from './access-context';
import { writeCredential } from './credential-writer';
import { toCredential } from './credential-view';
import { checkGuidelines, kindNames, typeNames } from './guidelines';
import { formatPhone } from '../../shared/phone-format';
import { toE164 } from './phone';
import { checkSchedule, describeSchedule, resolveSchedule } from './schedule';

export type ParsedGrant = z.output<typeof GrantRequest>;

/** Everything a grant is checked against before anything is written. */
export function prepareGrant(ctx: AccessContext, actor: StaffMember, request: ParsedGrant, options: { askingApproval?: boolean } = {}) {
  const community = ctx.community();
  checkGuidelines(community, actor, request, options);
  const zone = community.timeZone;
  const now = ctx.now();
  const schedule = resolveSchedule(request.schedule, { zone, now, deliveryWindowMinutes: community.guidelines.deliveryWindowMinutes });
  checkSchedule(schedule, { zone, now, maxTemporaryDays: community.guidelines.maxTemporaryDays, communityName: community.name });
  const phone = toE164(request.guest.phone, community.phoneRegion);
  return { schedule, guest: { name: request.guest.name, phone, company: request.guest.company ?? null } };
}

/**
 * Grants a guest a PIN code or Bluetooth pass for a unit and every door on their way.
 * `approved`: an approval's grant names its credential (approvals/approval-credential-ids.ts) and its request.
 */
export function grantGuestAccess(ctx: AccessContext, actor: StaffMember, request: ParsedGrant, approved: { id?: string; approvalId?: string } = {}): Credential {
  const earlier = earlierSubmission(ctx.db, request.requestId, 'access.grant', actor);
  if (earlier) return toCredential(ctx, getCredentialRecord(ctx.db, earlier.credentialId!)!);
  const { schedule, guest } = prepareGrant(ctx, actor, request);
  const id = runUserAction(ctx.db, () => {
    const w = writeCredential(ctx, actor, { unitId: request.unitId, kind: request.kind, audience: request.audience, guest, schedule, ...approved });
    if (request.requestId) recordSubmission(ctx.db, { requestId: request.requestId, command: 'access.grant', staffId: actor.id, credentialId: w.id, bulkRunId: null }, w.at);
    const what = `${typeNames[schedule.type]} ${kindNames[request.kind]}`;
    return {
      result: w.id,
      record: {
        audit: {
          at: w.at,
          actor: actor.name,
          action: 'access.granted',
          subjectId: w.id,
          summary: `Granted a ${what} (${describeSchedule(schedule)}) for ${w.unitLabel} to ${guest.name} at ${formatPhone(guest.phone)}, opening ${w.doors.length} door${w.doors.length === 1 ? '' : 's'}`,
          details: { unitId: request.unitId, guestId: w.guest.id, kind: request.kind, schedule, doorIds: w.doors.map((d) => d.id) },
        },
        mutation: {
          kind: 'credential.granted',
          payload: w.payload,
          actor,
        },
      },
    };
  });
  return toCredential(ctx, getCredentialRecord(ctx.db, id)!);
}

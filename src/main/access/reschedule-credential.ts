import type { Credential, RescheduleRequest, StaffMember } from '../../shared/domain';
import type { z } from 'zod';
import { getCredentialRecord } from '../store/credentials-repo';
import { runUserAction } from '../store/user-action';
import type { AccessContext } from './access-context';
import { endCredential, writeCredential } from './credential-writer';
import { toCredential } from './credential-view';
import { prepareGrant } from './grant-guest-access';
import { PorterError } from '../../shared/errors';
import { credentialToChange } from './revoke-credential';
import { describeSchedule } from './schedule';
import { appendAudit } from '../store/audit-log';

/**
 * New dates reissue the credential: the old one leaves its doors ('reissued') and a new one
 * (new code, new slots) takes its place, in one transaction, with both in the audit log.
 */
export function rescheduleCredential(ctx: AccessContext, actor: StaffMember, request: z.output<typeof RescheduleRequest>): Credential {
  const old = credentialToChange(ctx, actor, request.credentialId, 'set new dates on');
  // One unit of a visit given new dates would leave the visit's one code and one text.
  if (old.visit)
    throw new PorterError('not_allowed', `This access is part of a visit covering ${old.visit.units} units, which share one code; revoke the visit and grant it again with the new dates.`, 'credentialId');
  const ask = { unitId: old.unitId, kind: old.kind, audience: old.audience, guest: { name: old.guest.name, phone: old.guest.phone, ...(old.guest.company ? { company: old.guest.company } : {}) }, schedule: request.schedule };
  const { schedule, guest } = prepareGrant(ctx, actor, ask);
  const id = runUserAction(ctx.db, () => {
    const doorIds = endCredential(ctx, old.id, 'reissued', actor.name);
    appendAudit(ctx.db, {
      at: ctx.now().toISOString(),
      actor: actor.name,
      action: 'access.revoked',
      subjectId: old.id,
      summary: `Replaced ${old.guest.name}'s ${describeSchedule(old.schedule)} access for ${old.buildingName} ${old.unitNumber} with new dates`,
      details: { unitId: old.unitId, doorIds, reason: 'reissued' },
    });
    const w = writeCredential(ctx, actor, { ...ask, guest, schedule, reissuedFrom: old.id });
    return {
      result: w.id,
      record: {
        audit: {
          at: w.at,
          actor: actor.name,
          action: 'access.rescheduled',
          subjectId: w.id,
          summary: `Reissued ${guest.name}'s access for ${w.unitLabel}: ${describeSchedule(schedule)} (was ${describeSchedule(old.schedule)})`,
          details: { unitId: old.unitId, replaces: old.id, schedule, doorIds: w.doors.map((d) => d.id) },
        },
        mutation: {
          kind: 'credential.reissued',
          payload: { ...w.payload, replaces: old.id },
          actor,
        },
      },
    };
  });
  return toCredential(ctx, getCredentialRecord(ctx.db, id)!);
}

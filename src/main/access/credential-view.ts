import type { Credential } from '../../shared/domain';
import type { CredentialRecord } from '../store/credentials-repo';
import type { AccessContext } from './access-context';
import { credentialStatus, describeSchedule } from './schedule';

/** What staff see of a stored credential: its status computed from the schedule and the clock. */
export function toCredential(ctx: AccessContext, r: CredentialRecord): Credential {
  const { endedAt: _e, endReason, endedBy, ...rest } = r;
  const revoked = endReason === 'revoked' || endReason === 'reissued';
  return {
    ...rest,
    scheduleText: describeSchedule(r.schedule),
    status: credentialStatus({ schedule: r.schedule, zone: ctx.community().timeZone, now: ctx.now(), endReason }),
    revokedAt: revoked ? r.endedAt : null,
    revokedBy: revoked ? endedBy : null,
  };
}

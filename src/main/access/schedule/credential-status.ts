import type { CredentialStatus } from '../../../shared/domain/credentials';
import type { Schedule } from '../../../shared/domain/schedule';
import { assertNever } from '../../../shared/errors';
import { phaseAt, scheduleBounds } from './schedule-bounds';

/** Why a credential stopped before its schedule said so, as the store records it. */
export type EndReason = 'revoked' | 'expired' | 'used' | 'reissued';

export interface CredentialStatusInput {
  schedule: Schedule;
  zone: string;
  now: Date;
  endReason: EndReason | null;
}

/**
 * What staff see a credential as. A recorded end wins over the clock; a reissued credential
 * shows as revoked because the guest's old code or pass no longer works. Otherwise the
 * schedule's bounds decide. A recurring credential between its bounds is 'active' even
 * outside its daily window: it has not ended, it is just closed until its next window.
 */
export function credentialStatus(input: CredentialStatusInput): CredentialStatus {
  const reason = input.endReason;
  switch (reason) {
    case 'revoked':
    case 'reissued':
      return 'revoked';
    case 'used':
      return 'used';
    case 'expired':
      return 'expired';
    case null:
      break;
    default:
      return assertNever(reason, 'end reason');
  }
  const phase = phaseAt(scheduleBounds(input.schedule, input.zone), input.now);
  return phase === 'before' ? 'scheduled' : phase === 'after' ? 'expired' : 'active';
}

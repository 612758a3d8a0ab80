import type { Credential, RevokeRequest, StaffMember } from '../../shared/domain';
import { PorterError } from '../../shared/errors';
import type { z } from 'zod';
import { getCredentialRecord, type CredentialRecord } from '../store/credentials-repo';
import { runUserAction } from '../store/user-action';
import type { AccessContext } from './access-context';
import { endCredential } from './credential-writer';
import { toCredential } from './credential-view';
import { kioskGranted } from './credential-visibility';
import { kindNames } from './guidelines';
import { revokeVisit } from './revoke-visit';

/** A credential staff can still act on: it exists and has not left its doors for good. */
export function liveCredential(ctx: AccessContext, credentialId: string): CredentialRecord {
  const record = getCredentialRecord(ctx.db, credentialId);
  if (!record) throw new PorterError('not_found', 'There is no credential with this id.', 'credentialId');
  if (record.endReason)
    throw new PorterError('conflict', `This credential already ended (${record.endReason} by ${record.endedBy} at ${record.endedAt}).`, 'credentialId');
  return record;
}

const granterWords = { admin: 'an admin', leasing: 'the leasing office', maintenance: 'maintenance staff', kiosk: 'a kiosk' } as const;

/**
 * A live credential `actor` may change. A kiosk may only revoke, reschedule or resend what a
 * kiosk granted on this console: not leasing's grant made at the same desk, and not another
 * console's (the cloud holds kiosks to the same rule and would refuse the change, leaving this
 * console showing an end nobody else knows of). A grant whose granter's role is unknown is
 * not a kiosk's.
 */
export function credentialToChange(ctx: AccessContext, actor: StaffMember, credentialId: string, doing: string): CredentialRecord {
  const record = liveCredential(ctx, credentialId);
  if (actor.role !== 'kiosk' || kioskGranted(record)) return record;
  const where = record.grantedElsewhere
    ? 'was granted on another console'
    : `was granted by ${record.grantedByRole ? granterWords[record.grantedByRole] : 'staff'} (${record.createdBy})`;
  throw new PorterError('forbidden', `A kiosk may only ${doing} access a kiosk granted; ${record.guest.name}’s ${where}. Ask the leasing office.`, 'credentialId');
}

/**
 * Revokes a credential from every door it covers; the doors' desired state drops it. A
 * credential of a vendor's visit ends with the whole visit: every unit's, as one decision
 * (one audit entry, one change the cloud applies to each), each checked as if revoked alone.
 */
export function revokeCredential(ctx: AccessContext, actor: StaffMember, request: z.output<typeof RevokeRequest>): Credential {
  runUserAction(ctx.db, () => {
    const credential = credentialToChange(ctx, actor, request.credentialId, 'revoke');
    if (credential.visit) return revokeVisit(ctx, actor, credential, credential.visit, request.reason ?? null, (id) => credentialToChange(ctx, actor, id, 'revoke'));
    const doorIds = endCredential(ctx, credential.id, 'revoked', actor.name);
    return {
      result: undefined,
      record: {
        audit: {
          at: ctx.now().toISOString(),
          actor: actor.name,
          action: 'access.revoked',
          subjectId: credential.id,
          summary: `Revoked ${credential.guest.name}'s ${kindNames[credential.kind]} for ${credential.buildingName} ${credential.unitNumber} from ${doorIds.length} door${doorIds.length === 1 ? '' : 's'}${request.reason ? `: ${request.reason}` : ''}`,
          details: { unitId: credential.unitId, doorIds, reason: request.reason ?? null },
        },
        mutation: { kind: 'credential.revoked', payload: { credentialId: credential.id, reason: request.reason ?? null, at: ctx.now().toISOString() }, actor },
      },
    };
  });
  return toCredential(ctx, getCredentialRecord(ctx.db, request.credentialId)!);
}

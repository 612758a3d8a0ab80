import type { Credential, RevokeRequest } from '../../shared/domain';
import { PorterError } from '../../shared/errors';
import type { z } from 'zod';
import { getCredential } from '../store/credentials-repo';
import { runUserAction } from '../store/user-action';
import type { AccessContext } from './access-context';
import { markDoorChanged } from './door-slots';

/** Revokes a credential from every door it covers; the doors' desired state drops it. */
export function revokeCredential(ctx: AccessContext, request: z.output<typeof RevokeRequest>): Credential {
  const at = ctx.now().toISOString();
  runUserAction(ctx.db, () => {
    const credential = getCredential(ctx.db, request.credentialId);
    if (!credential) throw new PorterError('not_found', `No credential with id ${request.credentialId}.`);
    if (credential.status === 'revoked')
      throw new PorterError('conflict', `This credential was already revoked by ${credential.revokedBy} at ${credential.revokedAt}.`);
    ctx.db
      .prepare("UPDATE credentials SET status = 'revoked', revoked_at = ?, revoked_by = ? WHERE id = ?")
      .run(at, ctx.operator.name, credential.id);
    ctx.db.prepare('UPDATE door_credentials SET removed_at = ? WHERE credential_id = ? AND removed_at IS NULL').run(at, credential.id);
    for (const door of credential.doors) markDoorChanged(ctx.db, door.id, at);
    const kind = credential.kind === 'pin' ? 'PIN code' : 'Bluetooth pass';
    return {
      result: undefined,
      record: {
        audit: {
          at,
          actor: ctx.operator.name,
          action: 'access.revoked',
          subjectId: credential.id,
          summary: `Revoked ${credential.guest.name}'s ${kind} for unit ${credential.unitNumber}${request.reason ? `: ${request.reason}` : ''}`,
          details: { unitId: credential.unitId, doorIds: credential.doors.map((d) => d.id), reason: request.reason ?? null },
        },
        mutation: { kind: 'credential.revoked', payload: { credentialId: credential.id, reason: request.reason ?? null, at } },
      },
    };
  });
  return getCredential(ctx.db, request.credentialId)!;
}

import { markCredentialUsed } from '../store/credential-writes-repo';
import { porterActor } from '../store/outbox';
import { runUserAction } from '../store/user-action';
import type { AccessContext } from './access-context';
import { endCredential } from './credential-writer';
import { liveCredential } from './revoke-credential';

/**
 * A door reported that a credential opened it (from its audit trail, read by the hardware
 * service). A one-time delivery code is then used up: it leaves every door it covered.
 * Other credentials are unchanged. Answers whether the credential ended.
 */
export function recordDoorUse(ctx: AccessContext, use: { credentialId: string; doorId: string; doorName: string; at: string }): boolean {
  return runUserAction(ctx.db, () => {
    const c = liveCredential(ctx, use.credentialId);
    if (c.schedule.type !== 'delivery') return { result: false, record: null };
    markCredentialUsed(ctx.db, c.id, use.at);
    const doorIds = endCredential(ctx, c.id, 'used', use.doorName);
    return {
      result: true,
      record: {
        audit: { at: ctx.now().toISOString(), actor: use.doorName, action: 'access.used', subjectId: c.id, summary: `${c.guest.name}'s delivery code for ${c.buildingName} ${c.unitNumber} was used at ${use.doorName} and left ${doorIds.length} doors`, details: { unitId: c.unitId, doorIds, usedAt: use.at } },
        // The door by id: the cloud checks the code opens it and names it from its own records.
        mutation: { kind: 'credential.used', payload: { credentialId: c.id, at: use.at, doorId: use.doorId }, actor: porterActor },
      },
    };
  });
}

import { credentialsDueToEnd } from '../store/credential-writes-repo';
import { porterActor } from '../store/outbox';
import { runUserAction } from '../store/user-action';
import type { AccessContext } from './access-context';
import { endCredential } from './credential-writer';
import { kindNames, typeNames } from './guidelines';

/** Who the audit log names for what the console does on its own. */
export const systemActor = 'Porter (automatic)';

/**
 * Takes credentials whose schedule has ended off their doors, on their own: each leaves the
 * doors' desired state, with an audit entry and an outbox entry. Answers how many ended.
 */
export function expireEndedCredentials(ctx: AccessContext): number {
  const now = ctx.now().toISOString();
  const due = credentialsDueToEnd(ctx.db, now);
  for (const c of due) {
    runUserAction(ctx.db, () => {
      const doorIds = endCredential(ctx, c.id, 'expired', systemActor);
      return {
        result: undefined,
        record: {
          audit: { at: now, actor: systemActor, action: 'access.expired', subjectId: c.id, summary: `${c.guestName}'s ${typeNames[c.accessType]} ${kindNames[c.kind]} for ${c.unitLabel} expired and left ${doorIds.length} door${doorIds.length === 1 ? '' : 's'}`, details: { unitId: c.unitId, doorIds } },
          mutation: { kind: 'credential.expired', payload: { credentialId: c.id, at: now }, actor: porterActor },
        },
      };
    });
  }
  return due.length;
}

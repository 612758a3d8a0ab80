import type { Credential, StaffMember } from '../../shared/domain';
import { queueTextAgain } from '../store/credential-writes-repo';
import { getCredentialRecord } from '../store/credentials-repo';
import { runUserAction } from '../store/user-action';
import type { AccessContext } from './access-context';
import { toCredential } from './credential-view';
import { formatPhone } from '../../shared/phone-format';
import { credentialToChange } from './revoke-credential';

/** Queues the guest's text again (link to the code, or to the pass app). */
export function resendNotification(ctx: AccessContext, actor: StaffMember, credentialId: string): Credential {
  runUserAction(ctx.db, () => {
    const c = credentialToChange(ctx, actor, credentialId, 'text guests about');
    const at = ctx.now().toISOString();
    queueTextAgain(ctx.db, c.id);
    return {
      result: undefined,
      record: {
        audit: {
          at,
          actor: actor.name,
          action: 'access.resent',
          subjectId: c.id,
          summary: `Texted ${c.guest.name} again at ${formatPhone(c.guest.phone)} (${c.buildingName} ${c.unitNumber})`,
          details: { unitId: c.unitId },
        },
        mutation: { kind: 'credential.text_requested', payload: { credentialId: c.id, at }, actor },
      },
    };
  });
  return toCredential(ctx, getCredentialRecord(ctx.db, credentialId)!);
}

import type { CodeHandOver, CodeHandOverRequest, StaffMember } from '../../shared/domain';
import { PorterError } from '../../shared/errors';
import { markCodeHandedOver, pinCodeFor } from '../store/code-hand-over-repo';
import { runUserAction } from '../store/user-action';
import type { AccessContext } from './access-context';
import { describeSchedule } from './schedule';
import { credentialToChange } from './revoke-credential';

const howWords = { shown: 'shown on screen', printed: 'printed on a card' } as const;

/**
 * While the guest's text waits (no cloud, or the link is down), staff may hand the PIN over
 * another way: shown once to the signed-in staff member, or printed on a card. Once per
 * credential, audited without the code; a lost card means revoking and granting again.
 */
export function handOverCode(ctx: AccessContext, actor: StaffMember, request: CodeHandOverRequest): CodeHandOver {
  return runUserAction(ctx.db, () => {
    const c = credentialToChange(ctx, actor, request.credentialId, 'hand over the code of');
    const zone = ctx.community().timeZone;
    if (c.kind !== 'pin')
      throw new PorterError('not_allowed', `${c.guest.name} has a Bluetooth pass: it reaches the guest only through the Porter app, with the text.`, 'credentialId');
    if (c.notification.status === 'sent')
      throw new PorterError('not_allowed', `The text with ${c.guest.name}’s code was sent, so the guest has it. Resend the text if it was lost.`, 'credentialId');
    if (c.codeHandOver) {
      const when = new Date(c.codeHandOver.at).toLocaleString('en-US', { timeZone: zone, dateStyle: 'medium', timeStyle: 'short' });
      throw new PorterError('conflict', `${c.guest.name}’s code was already ${howWords[c.codeHandOver.how]} for ${c.codeHandOver.by} on ${when}; it is handed over once. If it was lost, revoke it and grant a new one.`, 'credentialId');
    }
    const code = pinCodeFor(ctx.db, c.id);
    if (!code) throw new PorterError('not_found', `This console does not hold ${c.guest.name}’s code: it was made on another console. Hand it over there, or wait for the text.`, 'credentialId');
    const at = ctx.now().toISOString();
    if (!markCodeHandedOver(ctx.db, c.id, actor.name, request.how, at)) throw new PorterError('conflict', `${c.guest.name}’s code was handed over a moment ago.`, 'credentialId');
    const unitLabel = `${c.buildingName} ${c.unitNumber}`;
    return {
      result: { code, guestName: c.guest.name, unitLabel, scheduleText: describeSchedule(c.schedule), doors: c.doors.map((d) => d.name) },
      record: {
        audit: {
          at,
          actor: actor.name,
          action: 'access.code_handed_over',
          subjectId: c.id,
          // Never the code itself: the log is read and exported by many.
          summary: `${c.guest.name}’s PIN code for ${unitLabel} was ${howWords[request.how]} for ${actor.name} to hand over while the text waits`,
          details: { unitId: c.unitId, how: request.how },
        },
        mutation: null,
      },
    };
  });
}

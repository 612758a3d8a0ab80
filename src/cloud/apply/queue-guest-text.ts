import type { CredentialRecord, TextReason } from '../store/cloud-store';
import { guestTextBody } from '../texts/guest-text';
import type { ApplyContext } from './apply-context';

type Textable = Pick<CredentialRecord, 'id' | 'kind' | 'guest' | 'unitId' | 'endsAt'>;

/**
 * Queues the guest's text in the mutation's transaction; it is sent once that commits
 * (texts/text-delivery.ts). `occasion` makes the idempotency key: one text per grant, per
 * new code, per resend asked for. Answers false when there is nothing worth texting: a
 * credential whose schedule is already over (a kiosk pushing a day-old delivery code).
 */
export async function queueGuestText(ctx: ApplyContext, c: Textable, reason: TextReason, occasion: string = reason): Promise<boolean> {
  if (c.endsAt !== null && c.endsAt <= ctx.now) return false;
  const unit = await ctx.tx.unit(c.unitId);
  const unitLabel = unit ? `${unit.buildingName} ${unit.number}` : c.unitId;
  await ctx.tx.queueText({
    idempotencyKey: `${c.id}:${occasion}`,
    credentialId: c.id,
    reason,
    to: c.guest.phone,
    body: guestTextBody(reason, { credentialId: c.id, kind: c.kind, communityName: ctx.community.name, unitLabel }, ctx.links),
    queuedAt: ctx.now,
  });
  return true;
}

import type { CredentialRecord, TextReason } from '../store/cloud-store';
import { newGuestLinkToken } from '../texts/guest-link';
import { guestTextBody } from '../texts/guest-text';
import type { ApplyContext } from './apply-context';
import { visitTextLabel } from './visit-rules';

type Textable = Pick<CredentialRecord, 'id' | 'kind' | 'guest' | 'unitId' | 'endsAt'>;

/**
 * The provider's idempotency key of a guest's text: `<communityId>/<credentialId>:<occasion>`.
 * Credential ids are the consoles' own, so two communities may hold the same one: without
 * its community one guest's text would be dropped as a repeat of the other's. No id holds a
 * `/` (domain/primitives.ts), so no two communities' keys can read the same.
 */
export function guestTextKey(communityId: string, credentialId: string, occasion: string): string {
  return `${communityId}/${credentialId}:${occasion}`;
}

/**
 * Queues the guest's text in the mutation's transaction; it is sent once that commits
 * (texts/text-delivery.ts). `occasion` makes the idempotency key: one text per grant, per
 * new code, per resend asked for. A vendor's visit (`visit`: its id and how many units) is
 * texted once for all its credentials: the key names the visit, so however many of its
 * credentials ask, on however many instances, the outbox keeps one. Answers false when there
 * is nothing worth texting: a credential whose schedule is already over (a kiosk pushing a
 * day-old delivery code).
 */
export async function queueGuestText(ctx: ApplyContext, c: Textable, reason: TextReason, occasion: string = reason, visit?: { id: string; units: number }): Promise<boolean> {
  if (c.endsAt !== null && c.endsAt <= ctx.now) return false;
  const unit = await ctx.tx.unit(c.unitId);
  const unitLabel = visit ? await visitTextLabel(ctx, c.unitId, visit.units) : unit ? `${unit.buildingName} ${unit.number}` : c.unitId;
  const link = c.kind === 'pin' ? newGuestLinkToken() : null;
  await ctx.tx.queueText({
    idempotencyKey: guestTextKey(ctx.community.id, visit?.id ?? c.id, occasion),
    credentialId: c.id,
    reason,
    to: c.guest.phone,
    body: guestTextBody(reason, { kind: c.kind, communityName: ctx.community.name, unitLabel, linkToken: link?.token ?? null }, ctx.links),
    queuedAt: ctx.now,
    linkTokenHash: link?.hash ?? null,
  });
  return true;
}

import type { EndReason } from '../store/cloud-store';
import { appendMutationChange, noOp, type Applied, type ApplyContext } from './apply-context';
import { checkKioskMayChange, checkOwnConsole } from './kiosk-rule';
import { queueGuestText } from './queue-guest-text';

const ending: Record<Exclude<EndReason, 'reissued'>, string> = { revoked: 'revoke', expired: 'end', used: 'end' };

/**
 * credential.revoked, .expired and .used. Ending what the cloud does not know, or what
 * already ended, is a no-op answered 'accepted': two consoles revoking the same guest is
 * one revocation, and a retried mutation must not fail.
 */
export async function applyCredentialEnd(
  ctx: ApplyContext,
  payload: { credentialId: string; at: string } & Record<string, unknown>,
  end: { reason: Exclude<EndReason, 'reissued'>; by: string },
): Promise<Applied> {
  const c = await ctx.tx.credential(payload.credentialId);
  if (!c || c.endReason !== null) return noOp;
  // Revoking is a decision (a kiosk's own grants only); an expiry or a use is a fact its console reports.
  if (end.reason === 'revoked') checkKioskMayChange(ctx, c, ending[end.reason]);
  else checkOwnConsole(ctx, c, ending[end.reason]);
  // Only a one-time delivery code is used up at a door (as on the console).
  if (end.reason === 'used' && c.schedule.type !== 'delivery') return noOp;
  await ctx.tx.endCredential(c.id, { reason: end.reason, by: end.by, at: payload.at });
  return { status: 'accepted', cursor: await appendMutationChange(ctx, payload), textsQueued: false };
}

/** credential.text_requested: the guest is texted again, unless the access already ended. */
export async function applyTextRequest(ctx: ApplyContext, payload: { credentialId: string; at: string }): Promise<Applied> {
  const c = await ctx.tx.credential(payload.credentialId);
  if (!c || c.endReason !== null) return noOp;
  checkKioskMayChange(ctx, c, 'text guests about');
  const cursor = await appendMutationChange(ctx, payload);
  const textsQueued = await queueGuestText(ctx, c, 'resent', `resent:${ctx.mutation.mutationId}`);
  return { status: 'accepted', cursor, textsQueued };
}

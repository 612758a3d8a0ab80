import type { CredentialRecord } from '../store/cloud-store';
import { MutationRefused } from '../rules/refusal';
import { possessive } from '../../shared/rules/words';
import { sentences, unitLabel, type CredentialWords } from '../rules/sentences';
import { appendMutationChange, noOp, type Applied, type ApplyContext } from './apply-context';
import { checkKioskMayChange, checkOwnConsole } from './kiosk-rule';
import { queueGuestText } from './queue-guest-text';
import { credentialsToRevoke, visitRevokedSentence, visitUnitsLabel } from './visit-rules';

/** A console's clock may run ahead of the cloud's by this much before its expiries are refused. */
export const clockSkewMs = 5 * 60_000;

const words = (c: CredentialRecord): CredentialWords => ({ guestName: c.guest.name, kind: c.kind, schedule: c.schedule });

/**
 * The credential an end names, when there is something to end: ending what the cloud does
 * not know, or what already ended, is a no-op answered 'accepted' (two consoles revoking the
 * same guest is one revocation; a retried mutation must not fail).
 */
/**
 * Revoking and resending are decisions: a kiosk may make them only on a kiosk's grants
 * (checkKioskMayChange). An expiry or a use is a fact its console reports: only about its
 * own console's grants (checkOwnConsole).
 */
async function liveTarget(ctx: ApplyContext, credentialId: string, doing: string, check: 'decision' | 'fact'): Promise<CredentialRecord | null> {
  const c = await ctx.tx.credential(credentialId);
  if (!c || c.endReason !== null) return null;
  if (check === 'decision') checkKioskMayChange(ctx, c, doing);
  else checkOwnConsole(ctx, c, doing);
  return c;
}

async function unitOf(ctx: ApplyContext, c: CredentialRecord): Promise<string> {
  return unitLabel(await ctx.tx.unit(c.unitId), c.unitId);
}

/**
 * credential.revoked: a staff member's decision, proven (rules/who-acted.ts). A credential of
 * a vendor's visit ends with every live credential of the visit, whatever the console named:
 * each one the actor may revoke, or none. The change names the visit, so every console ends it all.
 */
export async function applyRevoke(ctx: ApplyContext, payload: { credentialId: string; at: string; visitId?: string | undefined } & Record<string, unknown>): Promise<Applied> {
  const c = await liveTarget(ctx, payload.credentialId, 'revoke', 'decision');
  if (!c) return noOp;
  if (payload.visitId !== undefined && payload.visitId !== c.visitId)
    throw new MutationRefused('invalid_payload', `${possessive(c.guest.name)} access is not part of the visit this revoke names, so nothing was revoked.`);
  const ending = await credentialsToRevoke(ctx, c);
  for (const m of ending) await ctx.tx.endCredential(m.id, { reason: 'revoked', by: ctx.actor.name, at: payload.at });
  if (!c.visitId) {
    const said = sentences['credential.revoked'](ctx.actor, words(c), await unitOf(ctx, c));
    return { status: 'accepted', cursor: await appendMutationChange(ctx, payload, said), textsQueued: false };
  }
  const said = visitRevokedSentence(ctx.actor.name, c.guest.name, ending.length, await visitUnitsLabel(ctx, ending));
  return { status: 'accepted', cursor: await appendMutationChange(ctx, { ...payload, visitId: c.visitId }, said), textsQueued: false };
}

/**
 * credential.expired: a fact no one decided, so the console's word is not taken: the cloud
 * ends the credential only when its own record of the schedule has ended (allowing the
 * console's clock to run a little ahead), and names Porter.
 */
export async function applyExpiry(ctx: ApplyContext, payload: { credentialId: string; at: string }): Promise<Applied> {
  const c = await liveTarget(ctx, payload.credentialId, 'end', 'fact');
  if (!c) return noOp;
  if (c.endsAt === null || Date.parse(c.endsAt) > Date.parse(ctx.now) + clockSkewMs)
    throw new MutationRefused(
      'not_allowed',
      `${c.guest.name}’s access ${c.endsAt === null ? 'has no end' : `does not end until ${c.endsAt}`} in the cloud’s records, so it was not ended as expired. Check this console’s clock.`,
    );
  await ctx.tx.endCredential(c.id, { reason: 'expired', by: ctx.actor.name, at: payload.at });
  const said = sentences['credential.expired'](words(c), await unitOf(ctx, c));
  return { status: 'accepted', cursor: await appendMutationChange(ctx, payload, said), textsQueued: false };
}

/**
 * credential.used: a door reported a one-time delivery code used. Taken only for a delivery
 * code and a door it opens, as the cloud records both; the door is who the log names.
 */
export async function applyUse(ctx: ApplyContext, payload: { credentialId: string; at: string; doorId: string }): Promise<Applied> {
  const c = await liveTarget(ctx, payload.credentialId, 'end', 'fact');
  if (!c) return noOp;
  if (c.schedule.type !== 'delivery')
    throw new MutationRefused('not_allowed', `Only a one-time delivery code is used up at a door; ${c.guest.name}’s access is not one, so it stays.`);
  const [door] = c.doors.some((d) => d.doorId === payload.doorId) ? await ctx.tx.doors([payload.doorId]) : [];
  if (!door) throw new MutationRefused('not_allowed', `${c.guest.name}’s delivery code does not open that door in the cloud’s records, so it was not ended as used there.`);
  await ctx.tx.endCredential(c.id, { reason: 'used', by: door.name, at: payload.at });
  const said = sentences['credential.used'](words(c), await unitOf(ctx, c), door.name);
  return { status: 'accepted', cursor: await appendMutationChange(ctx, payload, said, { id: door.id, name: door.name, role: null }), textsQueued: false };
}

/** credential.text_requested: the guest is texted again, unless the access already ended. */
export async function applyTextRequest(ctx: ApplyContext, payload: { credentialId: string; at: string }): Promise<Applied> {
  const c = await liveTarget(ctx, payload.credentialId, 'text guests about', 'decision');
  if (!c) return noOp;
  const said = sentences['credential.text_requested'](ctx.actor, words(c), await unitOf(ctx, c));
  const cursor = await appendMutationChange(ctx, payload, said);
  const visit = c.visitId ? { id: c.visitId, units: (await ctx.tx.visitCredentials(c.visitId)).filter((m) => m.endReason === null).length } : undefined;
  const textsQueued = await queueGuestText(ctx, c, 'resent', `resent:${ctx.mutation.mutationId}`, visit);
  return { status: 'accepted', cursor, textsQueued };
}

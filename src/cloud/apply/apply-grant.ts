import { checkGrantGuidelines } from '../rules/grant-guidelines';
import type { GrantPayload } from '../rules/mutation-payloads';
import { MutationRefused } from '../rules/refusal';
import { scheduleEndsAt } from '../rules/schedule-rules';
import { sentences, unitLabel } from '../rules/sentences';
import type { NewCredentialRecord } from '../store/cloud-store';
import { appendCloudChange, appendMutationChange, type Applied, type ApplyContext } from './apply-context';
import { drawFreePin, grantDoors, pinTakenAt, settleSlots } from './grant-doors';
import { queueGuestText } from './queue-guest-text';

/** New dates end the old credential, unless someone else already ended it on purpose. */
async function endReplaced(ctx: ApplyContext, replaces: string, at: string): Promise<void> {
  const old = await ctx.tx.credential(replaces);
  if (!old) return; // never reached the cloud: the new credential stands on its own
  if (ctx.ownGrantsOnly && old.originConsoleId !== ctx.console.id)
    throw new MutationRefused('forbidden', `A kiosk may only set new dates on access it granted; ${old.guest.name}’s was granted on another console.`);
  if (old.endReason === 'revoked' || old.endReason === 'reissued') {
    const what = old.endReason === 'revoked' ? 'revoked' : 'given new dates';
    throw new MutationRefused('conflict', `${old.guest.name}’s access was already ${what} by ${old.endedBy} at ${old.endedAt}, so these new dates were not applied.`);
  }
  if (old.endReason === null) await ctx.tx.endCredential(old.id, { reason: 'reissued', by: ctx.actor.name, at });
}

/**
 * credential.granted and credential.reissued. The guidelines as the cloud has them now,
 * the doors, then the two things consoles can disagree on while apart: slots (moved to a
 * free one, accepted) and PIN codes (a new code drawn, applied, and answered as
 * 'pin_taken' with the fix, because the guest's code changed and staff must know).
 */
export async function applyGrant(ctx: ApplyContext, grant: GrantPayload): Promise<Applied> {
  const { tx } = ctx;
  // Whoever made it has a role: grants are not facts (rules/who-acted.ts).
  checkGrantGuidelines(ctx.community, ctx.actor.role ?? 'kiosk', ctx.ownGrantsOnly, grant);
  if (await tx.credential(grant.credentialId))
    throw new MutationRefused('conflict', `Credential ${grant.credentialId} is already in the cloud from another change; it was not granted twice.`);
  const unit = await tx.unit(grant.unitId);
  if (!unit) throw new MutationRefused('not_found', `${ctx.community.name} has no unit ${grant.unitId} in the cloud.`);
  const doors = await grantDoors(ctx, grant, unit);
  if (grant.replaces) await endReplaced(ctx, grant.replaces, grant.at);

  const slots = await settleSlots(ctx, doors, grant.doors);
  const taken = grant.pinCode === null ? null : await pinTakenAt(ctx, doors, grant.pinCode);
  const pinCode = taken && grant.pinCode ? await drawFreePin(ctx, doors, grant.pinCode.length) : grant.pinCode;

  const credential: NewCredentialRecord = {
    id: grant.credentialId,
    unitId: unit.id,
    kind: grant.kind,
    audience: grant.audience,
    schedule: grant.schedule,
    guest: grant.guest,
    pinCode,
    endsAt: scheduleEndsAt(grant.schedule, ctx.community.timeZone),
    originConsoleId: ctx.console.id,
    grantedAt: grant.at,
    replaces: grant.replaces ?? null,
    doors: slots.doors,
  };
  await tx.insertCredential(credential);
  const kind = grant.replaces ? 'credential.reissued' : 'credential.granted';
  const said = sentences[kind](ctx.actor, { guestName: grant.guest.name, kind: grant.kind, schedule: grant.schedule }, unitLabel(unit, unit.id), slots.doors.length);
  let cursor = await appendMutationChange(ctx, { ...grant, pinCode, doors: slots.doors }, said);
  let textsQueued = await queueGuestText(ctx, credential, 'granted');
  if (!taken || pinCode === null) {
    const fix = slots.moved ? { fix: { kind: 'slots_moved', credentialId: credential.id, doors: slots.doors } } : {};
    return { status: 'accepted', cursor, textsQueued, ...fix };
  }

  const summary = `The cloud gave ${grant.guest.name}’s access for ${unit.buildingName} ${unit.number} a new PIN code: another console had given the same code on ${taken.door.name} first. The guest is texted again.`;
  cursor = await appendCloudChange(tx, 'credential.pin_changed', { credentialId: credential.id, pinCode, at: ctx.now }, summary, ctx.now);
  textsQueued = (await queueGuestText(ctx, credential, 'pin_changed')) || textsQueued;
  const holder = await tx.credential(taken.holder);
  const who = holder?.originConsoleId === ctx.console.id ? 'This console' : 'Another console';
  return {
    status: 'rejected',
    code: 'pin_taken',
    reason: `${who} gave this PIN on ${taken.door.name} to someone else first; the cloud gave ${grant.guest.name} a new code and texted it again.`,
    fix: { kind: 'pin_reissued', credentialId: credential.id, pinCode, doors: slots.doors },
    cursor,
    textsQueued,
  };
}

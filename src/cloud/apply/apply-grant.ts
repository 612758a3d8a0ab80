import { checkGrantGuidelines } from '../rules/grant-guidelines';
import type { GrantPayload } from '../../shared/sync';
import { MutationRefused } from '../rules/refusal';
import { scheduleEndsAt } from '../../shared/rules/schedule-rules';
import { sentences, unitLabel } from '../rules/sentences';
import type { NewCredentialRecord } from '../store/cloud-store';
import { appendMutationChange, type Applied, type ApplyContext } from './apply-context';
import { drawFreePin, grantDoors, settleSlots } from './grant-doors';
import { checkKioskMayChange } from './kiosk-rule';
import { queueGuestText } from './queue-guest-text';
import { joinVisit } from './visit-rules';
import { checkApprovalStillOpen } from './apply-approval';

/** New dates end the old credential, unless someone else already ended it on purpose. */
async function endReplaced(ctx: ApplyContext, replaces: string, at: string): Promise<void> {
  const old = await ctx.tx.credential(replaces);
  if (!old) return; // never reached the cloud: the new credential stands on its own
  checkKioskMayChange(ctx, old, 'set new dates on');
  if (old.endReason === 'revoked' || old.endReason === 'reissued') {
    const what = old.endReason === 'revoked' ? 'revoked' : 'given new dates';
    throw new MutationRefused('conflict', `${old.guest.name}’s access was already ${what} by ${old.endedBy} at ${old.endedAt}, so these new dates were not applied.`);
  }
  if (old.endReason === null) await ctx.tx.endCredential(old.id, { reason: 'reissued', by: ctx.actor.name, at });
}

/**
 * The grant's code: kept when it came from this console's lease (the grant takes it out of the
 * lease), otherwise one the cloud draws, whatever the console sent. A console that ran out of
 * leased codes, or one trying codes on purpose, gets the same answer whether or not its code
 * was live anywhere: the answer says nothing about other consoles' codes.
 */
async function settlePin(ctx: ApplyContext, code: string): Promise<string> {
  if (await ctx.tx.takeLeasedPin(ctx.console.id, code, ctx.now)) return code;
  return drawFreePin(ctx, code.length);
}

/**
 * credential.granted and credential.reissued. The guidelines as the cloud has them now, the
 * doors, then slots (moved to a free one where two consoles chose the same) and the code (see
 * settlePin). The guest is texted once, with the code the cloud settled.
 */
export async function applyGrant(ctx: ApplyContext, grant: GrantPayload): Promise<Applied> {
  const { tx } = ctx;
  // Whoever made it has a role: grants are not facts (rules/who-acted.ts).
  checkGrantGuidelines(ctx.community, ctx.actor.role ?? 'kiosk', ctx.ownGrantsOnly, grant);
  // What the grant reads, asked at once (one round trip on PostgreSQL), then judged in order.
  // The slots asked for are looked up with them, unless the grant ends one it replaces first.
  const [existing, unit, , held] = await Promise.all([
    tx.credential(grant.credentialId),
    tx.unit(grant.unitId),
    tx.doors(grant.doors.map((d) => d.doorId)),
    grant.replaces ? undefined : tx.heldSlots(grant.doors, ctx.now),
  ]);
  // An approval's grant names its credentials from the request: the same id again is the same request approved on another console first.
  if (existing && grant.approvalId) throw new MutationRefused('already_granted', 'Another console’s approval of this vendor request reached the cloud first and granted this access; it was not granted twice.');
  if (existing) throw new MutationRefused('conflict', `Credential ${grant.credentialId} is already in the cloud from another change; it was not granted twice.`);
  if (!unit) throw new MutationRefused('not_found', `${ctx.community.name} has no unit ${grant.unitId} in the cloud.`);
  if (grant.approvalId) await checkApprovalStillOpen(ctx, grant.approvalId);
  const doors = await grantDoors(ctx, grant, unit);
  if (grant.replaces) await endReplaced(ctx, grant.replaces, grant.at);

  const slots = await settleSlots(ctx, doors, grant.doors, held);
  // A later credential of a vendor's visit takes the visit's code and pass; the first is settled as any grant.
  const visit = grant.visit ? await joinVisit(ctx, { ...grant, visit: grant.visit }) : null;
  const joined = visit && !visit.first ? visit : null;
  const pinCode = grant.pinCode === null ? null : (joined?.pinCode ?? (await settlePin(ctx, grant.pinCode)));

  const credential: NewCredentialRecord = {
    id: grant.credentialId,
    unitId: unit.id,
    kind: grant.kind,
    audience: grant.audience,
    schedule: grant.schedule,
    guest: grant.guest,
    pinCode,
    blePass: joined ? joined.blePass : (grant.blePass ?? null),
    endsAt: scheduleEndsAt(grant.schedule, ctx.community.timeZone),
    originConsoleId: ctx.console.id,
    grantedRole: ctx.actor.role,
    grantedAt: grant.at,
    replaces: grant.replaces ?? null,
    visitId: grant.visit?.id ?? null,
    doors: slots.doors,
  };
  await tx.insertCredential(credential);
  const kind = grant.replaces ? 'credential.reissued' : 'credential.granted';
  const said = sentences[kind](ctx.actor, { guestName: grant.guest.name, kind: grant.kind, schedule: grant.schedule }, unitLabel(unit, unit.id), slots.doors.length);
  const cursor = await appendMutationChange(ctx, { ...grant, pinCode, blePass: credential.blePass ?? grant.blePass, doors: slots.doors }, said);
  // A visit's guest is texted once, by its first credential the cloud takes (the key names the visit).
  const textsQueued = joined ? false : await queueGuestText(ctx, credential, 'granted', 'granted', grant.visit);
  // Never the code in the answer: answers are kept for good and shown in the activity log;
  // the settled code reaches the console in the grant's change.
  const fix =
    pinCode !== grant.pinCode
      ? { kind: 'pin_assigned', credentialId: credential.id, doors: slots.doors }
      : slots.moved
        ? { kind: 'slots_moved', credentialId: credential.id, doors: slots.doors }
        : null;
  return { status: 'accepted', cursor, textsQueued, ...(fix ? { fix } : {}) };
}

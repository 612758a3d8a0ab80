import { randomBytes, randomUUID } from 'node:crypto';
import type { Audience, CredentialKind, Schedule, StaffMember } from '../../shared/domain';
import { PorterError } from '../../shared/errors';
import type { AccessContext } from './access-context';
import { doorsForGrant, type CoveredDoor } from './door-coverage';
import { freeSlot } from './door-slots';
import { commonPinLength } from './door-hold';
import { insertCredential, markCredentialEnded } from '../store/credential-writes-repo';
import { linkDoor, livePinCodes, livePinCodesOutsideVisit, markDoorChanged, pinLiveOnDoor, unlinkCredential } from '../store/door-credentials-repo';
import { drawLeasedPin } from '../store/pin-lease-repo';
import { unitLabel } from '../store/unit-labels-repo';
import type { EndReason } from '../store/credentials-repo';
import { upsertGuest } from './guests';
import { doorWithCodes, drawPin, type PinDoor } from './pin-allocator';
import { scheduleBounds } from './schedule';

export interface NewCredential {
  unitId: string;
  kind: CredentialKind;
  audience: Audience;
  guest: { name: string; phone: string; company: string | null };
  schedule: Schedule;
  reissuedFrom?: string;
  /** An approval's grant names its credential from the request (approvals/approval-credential-ids.ts); else a random id. */
  id?: string;
  /** The vendor request whose approval made this grant: the cloud refuses the grant once the request was declined. */
  approvalId?: string;
  /** Part of a vendor's visit: the code or pass its credentials share (vendor-visit.ts). */
  visit?: VisitShare;
}

/** What a vendor's visit's credentials share: its id (the bulk run's), how many units it covers, its one code or pass. */
export interface VisitShare {
  id: string;
  units: number;
  pinCode: string | null;
  blePass: string | null;
}

function pinLengthFor(doors: CoveredDoor[]): number {
  const common = commonPinLength(doors);
  if ('reason' in common) throw new PorterError('not_allowed', common.reason, 'kind');
  return common.length;
}

/**
 * The grant's code. A console paired with a cloud draws it from its code lease (the codes the
 * cloud set aside for it, free in the whole community), so a grant made offline never clashes
 * with another console's and the guest's one text carries it. With no leased code left (never
 * paired, run out offline, the lease expired) it draws one itself as before; a paired console's
 * such code is replaced by one the cloud draws when the grant reaches it, before the guest is
 * texted.
 */
export function allocatePin(ctx: AccessContext, doors: CoveredDoor[]): string {
  // A keypad without Enter needs all its codes for the prefix rule (a unit lock holds few);
  // a door with Enter only needs to know whether the exact code is taken (a reader holds many).
  const rules = doors.map(
    (d): PinDoor =>
      d.capabilities.hasEnterKey
        ? { clashes: (code) => pinLiveOnDoor(ctx.db, d.id, code) }
        : doorWithCodes(livePinCodes(ctx.db, d.id), false),
  );
  const length = pinLengthFor(doors);
  const leased = drawLeasedPin(ctx.db, length, (code) => !rules.some((door) => door.clashes(code)), ctx.now().toISOString());
  if (leased) return leased;
  const code = drawPin(length, rules);
  if (!code) throw new PorterError('slots_full', 'No unused PIN code could be drawn for these doors; their code space is crowded.');
  return code;
}

/**
 * A visit's code on one more unit's doors: it must still be free there, but for the visit's
 * own credentials (the common doors on the way hold it for the units written before).
 */
function visitPin(ctx: AccessContext, doors: CoveredDoor[], visit: VisitShare): string {
  const code = visit.pinCode;
  if (code === null) throw new PorterError('conflict', 'This visit has no code to share; grant this unit on its own.');
  if (doors.some((d) => d.capabilities.pinLength && (code.length < d.capabilities.pinLength.min || code.length > d.capabilities.pinLength.max)))
    throw new PorterError('not_allowed', `The visit’s code has ${code.length} digits, which some door of this unit does not take.`, 'kind');
  const taken = doors.find((d) => doorWithCodes(livePinCodesOutsideVisit(ctx.db, d.id, visit.id), d.capabilities.hasEnterKey).clashes(code));
  if (taken) throw new PorterError('conflict', `The visit’s code is now taken on ${taken.name}; grant this unit on its own.`);
  return code;
}

/**
 * Writes a credential and the desired state of every door it covers: a free slot on each,
 * a PIN code unique there. Call inside a user action; throws (and so rolls back) on refusal.
 * Answers what was written, and `payload`: the credential as the outbox carries it to the cloud.
 */
export function writeCredential(ctx: AccessContext, actor: StaffMember, c: NewCredential) {
  const { db } = ctx;
  const at = ctx.now().toISOString();
  const doors = doorsForGrant(db, ctx.community(), c.unitId, c.kind, c.schedule);
  const slots = doors.map((door) => freeSlot(db, door));
  const pin = c.kind !== 'pin' ? null : c.visit ? visitPin(ctx, doors, c.visit) : allocatePin(ctx, doors);
  // What the guest's phone presents to the doors: random, never derived from the credential's
  // id (which every console and screen sees), and sent only where a code would be.
  const blePass = c.kind !== 'ble' ? null : (c.visit?.blePass ?? randomBytes(16).toString('base64url'));
  const guest = upsertGuest(db, c.guest, at);
  const bounds = scheduleBounds(c.schedule, ctx.community().timeZone);
  const id = c.id ?? `cred_${randomUUID()}`;
  // doorsForGrant found the unit, in this transaction.
  const label = unitLabel(db, c.unitId)!;
  insertCredential(db, {
    id, unitId: c.unitId, guestId: guest.id, kind: c.kind, audience: c.audience, accessType: c.schedule.type,
    scheduleJson: JSON.stringify(c.schedule), startsAt: bounds.startsAt?.toISOString() ?? null, endsAt: bounds.endsAt?.toISOString() ?? null,
    pinCode: pin, blePass, createdAt: at, createdBy: actor.name, grantedRole: actor.role, reissuedFrom: c.reissuedFrom ?? null,
    visitId: c.visit?.id ?? null,
  });
  doors.forEach((door, i) => {
    linkDoor(db, door.id, id, slots[i]!, at);
    markDoorChanged(db, door.id, at);
  });
  return { id, at, guest, doors, slots, pin, unitLabel: label, payload: { credentialId: id, unitId: c.unitId, guest, audience: c.audience, kind: c.kind, schedule: c.schedule, pinCode: pin, blePass, doors: doors.map((d, i) => ({ doorId: d.id, slot: slots[i]! })), at, ...(c.visit ? { visit: { id: c.visit.id, units: c.visit.units } } : {}), ...(c.approvalId ? { approvalId: c.approvalId } : {}) } };
}

/** Takes a credential off every door it covers, for good, with the reason. Inside a user action. */
export function endCredential(ctx: AccessContext, credentialId: string, reason: EndReason, by: string): string[] {
  const { db } = ctx;
  const at = ctx.now().toISOString();
  markCredentialEnded(db, credentialId, at, reason, by);
  const doorIds = unlinkCredential(db, credentialId, at);
  for (const doorId of doorIds) markDoorChanged(db, doorId, at);
  return doorIds;
}

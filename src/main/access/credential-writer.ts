import { randomBytes, randomUUID } from 'node:crypto';
import type { Audience, CredentialKind, Schedule, StaffMember } from '../../shared/domain';
import { PorterError } from '../../shared/errors';
import type { AccessContext } from './access-context';
import { doorsForGrant, type CoveredDoor } from './door-coverage';
import { freeSlot, livePinCodes, markDoorChanged, pinLiveOnDoor } from './door-slots';
import { drawLeasedPin } from '../store/pin-lease-repo';
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
}

/** The one length every covered door accepts: the longest minimum, if no door's maximum is shorter. */
function pinLengthFor(doors: CoveredDoor[]): number {
  const min = Math.max(...doors.map((d) => d.capabilities.pinLength?.min ?? 4));
  const max = Math.min(...doors.map((d) => d.capabilities.pinLength?.max ?? 12));
  if (min > max)
    throw new PorterError('not_allowed', `The doors this grant covers accept no common PIN length (${min} to ${max} digits).`, 'kind');
  return min;
}

/**
 * The grant's code. A console paired with a cloud draws it from its code lease (the codes the
 * cloud set aside for it, free in the whole community), so a grant made offline never clashes
 * with another console's and the guest's one text carries it. With no leased code left (never
 * paired, run out offline, the lease expired) it draws one itself as before; a paired console's
 * such code is replaced by one the cloud draws when the grant reaches it, before the guest is
 * texted.
 */
function allocatePin(ctx: AccessContext, doors: CoveredDoor[]): string {
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
 * Writes a credential and the desired state of every door it covers: a free slot on each,
 * a PIN code unique there. Call inside a user action; throws (and so rolls back) on refusal.
 * Answers what was written, and `payload`: the credential as the outbox carries it to the cloud.
 */
export function writeCredential(ctx: AccessContext, actor: StaffMember, c: NewCredential) {
  const { db } = ctx;
  const at = ctx.now().toISOString();
  const doors = doorsForGrant(db, ctx.community(), c.unitId, c.kind, c.schedule);
  const slots = doors.map((door) => freeSlot(db, door));
  const pin = c.kind === 'pin' ? allocatePin(ctx, doors) : null;
  // What the guest's phone presents to the doors: random, never derived from the credential's
  // id (which every console and screen sees), and sent only where a code would be.
  const blePass = c.kind === 'ble' ? randomBytes(16).toString('base64url') : null;
  const guest = upsertGuest(db, c.guest, at);
  const bounds = scheduleBounds(c.schedule, ctx.community().timeZone);
  const id = `cred_${randomUUID()}`;
  const unitLabel = db
    .prepare("SELECT b.name || ' ' || u.number FROM units u JOIN buildings b ON b.id = u.building_id WHERE u.id = ?")
    .pluck()
    .get(c.unitId) as string;
  db.prepare(
    `INSERT INTO credentials (id, unit_id, guest_id, kind, audience, access_type, schedule_json, starts_at, ends_at,
       pin_code, ble_pass, created_at, created_by, granted_role, reissued_from, notifications_sent)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`,
  ).run(
    id, c.unitId, guest.id, c.kind, c.audience, c.schedule.type, JSON.stringify(c.schedule),
    bounds.startsAt?.toISOString() ?? null, bounds.endsAt?.toISOString() ?? null,
    pin, blePass, at, actor.name, actor.role, c.reissuedFrom ?? null,
  );
  const link = db.prepare('INSERT INTO door_credentials (door_id, credential_id, slot, added_at) VALUES (?, ?, ?, ?)');
  doors.forEach((door, i) => {
    link.run(door.id, id, slots[i], at);
    markDoorChanged(db, door.id, at);
  });
  return { id, at, guest, doors, slots, pin, unitLabel, payload: { credentialId: id, unitId: c.unitId, guest, audience: c.audience, kind: c.kind, schedule: c.schedule, pinCode: pin, blePass, doors: doors.map((d, i) => ({ doorId: d.id, slot: slots[i]! })), at } };
}

/** Takes a credential off every door it covers, for good, with the reason. Inside a user action. */
export function endCredential(ctx: AccessContext, credentialId: string, reason: 'revoked' | 'expired' | 'used' | 'reissued', by: string): string[] {
  const { db } = ctx;
  const at = ctx.now().toISOString();
  db.prepare('UPDATE credentials SET ended_at = ?, end_reason = ?, ended_by = ? WHERE id = ?').run(at, reason, by, credentialId);
  const doorIds = db
    .prepare('SELECT door_id FROM door_credentials WHERE credential_id = ? AND removed_at IS NULL')
    .pluck()
    .all(credentialId) as string[];
  db.prepare('UPDATE door_credentials SET removed_at = ? WHERE credential_id = ? AND removed_at IS NULL').run(at, credentialId);
  for (const doorId of doorIds) markDoorChanged(db, doorId, at);
  return doorIds;
}

import { randomUUID } from 'node:crypto';
import type { Credential, GrantRequest } from '../../shared/domain';
import { PorterError } from '../../shared/errors';
import type { z } from 'zod';
import { getCredential } from '../store/credentials-repo';
import { runUserAction } from '../store/user-action';
import type { AccessContext } from './access-context';
import { doorsForUnitGrant, type CoveredDoor } from './door-coverage';
import { freeSlot, livePinCodes, markDoorChanged } from './door-slots';
import { displayPhone, toE164 } from './phone';
import { drawPin } from './pin-allocator';
import { upsertGuest } from './guests';

type ParsedGrant = z.output<typeof GrantRequest>;

const typeNames = { permanent: 'Permanent', temporary: 'Temporary', recurring: 'Recurring', delivery: 'Delivery' };

/** The one length every covered door accepts: the longest minimum, if no door's maximum is shorter. */
function pinLengthFor(doors: CoveredDoor[]): number {
  const min = Math.max(...doors.map((d) => d.capabilities.pinLength?.min ?? 4));
  const max = Math.min(...doors.map((d) => d.capabilities.pinLength?.max ?? 12));
  if (min > max)
    throw new PorterError('not_allowed', `The doors this grant covers accept no common PIN length (${min} to ${max}).`);
  return min;
}

function allocatePin(ctx: AccessContext, doors: CoveredDoor[]): string {
  const length = pinLengthFor(doors);
  const rules = doors.map((d) => ({ takenCodes: livePinCodes(ctx.db, d.id), hasEnterKey: d.capabilities.hasEnterKey }));
  const code = drawPin(length, rules);
  if (!code) throw new PorterError('slots_full', 'No unused PIN code could be drawn for these doors; their code space is crowded.');
  return code;
}

/** Grants a guest a PIN code or Bluetooth pass for a unit and every door on their way. */
export function grantGuestAccess(ctx: AccessContext, request: ParsedGrant): Credential {
  const community = ctx.community();
  if (!community.guidelines.allowedTypes[request.kind].includes(request.accessType as never))
    throw new PorterError('not_allowed', `${community.name} does not allow ${typeNames[request.accessType]} ${request.kind === 'pin' ? 'PIN codes' : 'Bluetooth passes'}.`);
  const phone = toE164(request.guest.phone, community.phoneRegion);
  const at = ctx.now().toISOString();
  const id = `cred_${randomUUID()}`;

  runUserAction(ctx.db, () => {
    const doors = doorsForUnitGrant(ctx.db, community, request.unitId, request.kind);
    const slots = doors.map((door) => freeSlot(ctx.db, door));
    const pin = request.kind === 'pin' ? allocatePin(ctx, doors) : null;
    const guest = upsertGuest(ctx.db, { name: request.guest.name, phone, company: request.guest.company ?? null }, at);
    ctx.db
      .prepare(
        `INSERT INTO credentials (id, unit_id, guest_id, kind, access_type, pin_code, status, created_at, created_by)
         VALUES (?, ?, ?, ?, ?, ?, 'active', ?, ?)`,
      )
      .run(id, request.unitId, guest.id, request.kind, request.accessType, pin, at, ctx.operator.name);
    const link = ctx.db.prepare(
      'INSERT INTO door_credentials (door_id, credential_id, slot, added_at) VALUES (?, ?, ?, ?)',
    );
    doors.forEach((door, i) => {
      link.run(door.id, id, slots[i], at);
      markDoorChanged(ctx.db, door.id, at);
    });
    const what = `${typeNames[request.accessType]} ${request.kind === 'pin' ? 'PIN code' : 'Bluetooth pass'}`;
    return {
      result: undefined,
      record: {
        audit: {
          at,
          actor: ctx.operator.name,
          action: 'access.granted',
          subjectId: id,
          summary: `Granted a ${what} for ${doors[0]!.name} to ${guest.name} at ${displayPhone(phone, community.phoneRegion)}, opening ${doors.length} door${doors.length === 1 ? '' : 's'}`,
          details: { unitId: request.unitId, guestId: guest.id, kind: request.kind, accessType: request.accessType, doorIds: doors.map((d) => d.id) },
        },
        mutation: {
          kind: 'credential.granted',
          payload: { credentialId: id, unitId: request.unitId, guest, kind: request.kind, accessType: request.accessType, pinCode: pin, doors: doors.map((d, i) => ({ doorId: d.id, slot: slots[i] })), at },
        },
      },
    };
  });
  return getCredential(ctx.db, id)!;
}

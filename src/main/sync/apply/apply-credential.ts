import type { Role } from '../../../shared/domain';
import type { AccessContext } from '../../access/access-context';
import { endCredential } from '../../access/credential-writer';
import { markDoorChanged } from '../../access/door-slots';
import { upsertGuest } from '../../access/guests';
import { scheduleBounds } from '../../access/schedule';
import type { CredentialWritten } from './change-payloads';

/**
 * Puts a door slot the cloud gave a credential on this console's record of that door. If a
 * credential of this console not yet seen by the cloud sits there, it moves to the lowest free
 * slot for now: the cloud will place it for good when it arrives there, and this console will
 * follow.
 */
function placeInSlot(ctx: AccessContext, credentialId: string, doorId: string, slot: number, at: string): boolean {
  const { db } = ctx;
  const current = db.prepare('SELECT slot FROM door_credentials WHERE door_id = ? AND credential_id = ?').pluck().get(doorId, credentialId) as number | undefined;
  if (current === slot) return false;
  const squatter = db
    .prepare('SELECT credential_id FROM door_credentials WHERE door_id = ? AND slot = ? AND removed_at IS NULL AND credential_id <> ?')
    .pluck()
    .get(doorId, slot, credentialId) as string | undefined;
  if (squatter) {
    const free = db
      .prepare(
        `SELECT coalesce(max(slot), 0) + 1 FROM door_credentials WHERE door_id = ? AND removed_at IS NULL`,
      )
      .pluck()
      .get(doorId) as number;
    db.prepare('UPDATE door_credentials SET slot = ? WHERE door_id = ? AND credential_id = ?').run(free, doorId, squatter);
  }
  if (current === undefined)
    db.prepare('INSERT INTO door_credentials (door_id, credential_id, slot, added_at) VALUES (?, ?, ?, ?)').run(doorId, credentialId, slot, at);
  else db.prepare('UPDATE door_credentials SET slot = ? WHERE door_id = ? AND credential_id = ?').run(slot, doorId, credentialId);
  markDoorChanged(db, doorId, at);
  return true;
}

/** Who granted a credential, as the cloud's change names them. */
export interface Granter {
  name: string;
  role: Role | null;
  /** The console it was granted on; null for this one. */
  originConsole: string | null;
}

/**
 * A credential as the cloud holds it: new here (granted on another console) or this console's
 * own with what the cloud settled (its PIN, its slots). Answers whether anything changed. A
 * kiosk is not sent other consoles' codes or passes: their credentials are kept without them
 * (it shows them and never programs a door).
 */
export function applyCredentialWritten(ctx: AccessContext, c: CredentialWritten, by: Granter): boolean {
  const { db } = ctx;
  const existing = db.prepare('SELECT pin_code AS pinCode, ended_at AS endedAt FROM credentials WHERE id = ?').get(c.credentialId) as
    | { pinCode: string | null; endedAt: string | null }
    | undefined;
  let changed = false;
  if (!existing) {
    const guest = upsertGuest(db, c.guest, c.at);
    const bounds = scheduleBounds(c.schedule, ctx.community().timeZone);
    db.prepare(
      `INSERT INTO credentials (id, unit_id, guest_id, kind, audience, access_type, schedule_json, starts_at, ends_at,
         pin_code, ble_pass, created_at, created_by, granted_role, reissued_from, notifications_sent, origin_console)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)`,
    ).run(
      c.credentialId, c.unitId, guest.id, c.kind, c.audience, c.schedule.type, JSON.stringify(c.schedule),
      bounds.startsAt?.toISOString() ?? null, bounds.endsAt?.toISOString() ?? null,
      c.pinCode, c.kind === 'ble' ? (c.blePass ?? null) : null, c.at, by.name, by.role, c.replaces ?? null, by.originConsole,
    );
    changed = true;
  } else if (c.pinCode !== null) {
    changed = changePin(ctx, c.credentialId, c.pinCode, c.at);
  }
  if (!existing?.endedAt) for (const d of c.doors) changed = placeInSlot(ctx, c.credentialId, d.doorId, d.slot, c.at) || changed;
  if (c.replaces) changed = endIfLive(ctx, c.replaces, 'reissued', by.name) || changed;
  return changed;
}

/** The cloud settled a different code: the doors holding the old one need the new one. */
export function changePin(ctx: AccessContext, credentialId: string, pinCode: string, at: string): boolean {
  const info = ctx.db.prepare('UPDATE credentials SET pin_code = ? WHERE id = ? AND pin_code IS NOT ?').run(pinCode, credentialId, pinCode);
  if (info.changes === 0) return false;
  const doors = ctx.db.prepare('SELECT door_id FROM door_credentials WHERE credential_id = ? AND removed_at IS NULL').pluck().all(credentialId) as string[];
  for (const doorId of doors) markDoorChanged(ctx.db, doorId, at);
  return true;
}

/** Ends a credential that another console (or the cloud) ended; one already ended stays as it is. */
export function endIfLive(ctx: AccessContext, credentialId: string, reason: 'revoked' | 'expired' | 'used' | 'reissued', by: string): boolean {
  const live = ctx.db.prepare('SELECT 1 FROM credentials WHERE id = ? AND ended_at IS NULL').get(credentialId);
  if (!live) return false;
  endCredential(ctx, credentialId, reason, by);
  return true;
}

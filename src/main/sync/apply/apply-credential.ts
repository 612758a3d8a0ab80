import type { Role } from '../../../shared/domain';
import type { CredentialWritten } from '../../../shared/sync';
import type { AccessContext } from '../../access/access-context';
import type { EndAhead } from './ends-ahead';
import { endCredential } from '../../access/credential-writer';
import { markDoorChanged } from '../../access/door-slots';
import { upsertGuest } from '../../access/guests';
import { scheduleBounds } from '../../access/schedule';
import { liveVisitCredentials } from '../../store/credential-writes-repo';
import {
  addToSlot,
  adoptVisitTextStatus,
  credentialHeld,
  insertReceivedCredential,
  isLiveCredential,
  liveDoorsOf,
  moveToSlot,
  setCredentialPin,
  slotAfterLast,
  slotHolder,
  slotOf,
} from '../../store/received-changes-repo';

/**
 * Puts a door slot the cloud gave a credential on this console's record of that door. If a
 * credential of this console not yet seen by the cloud sits there, it moves to the lowest free
 * slot for now: the cloud will place it for good when it arrives there, and this console will
 * follow. `fresh`: the credential was just written here, so it has no slot yet. `removedAt`
 * writes the row of a credential already ended (ends-ahead.ts): a row that holds no slot, so
 * nothing moves for it.
 */
function placeInSlot(ctx: AccessContext, credentialId: string, doorId: string, slot: number, at: string, fresh: boolean, removedAt: string | null): boolean {
  const { db } = ctx;
  const current = fresh ? undefined : slotOf(db, doorId, credentialId);
  if (current === slot) return false;
  const squatter = removedAt === null ? slotHolder(db, doorId, slot, credentialId) : undefined;
  if (squatter) moveToSlot(db, doorId, squatter, slotAfterLast(db, doorId));
  if (current === undefined) addToSlot(db, doorId, credentialId, slot, at, removedAt);
  else moveToSlot(db, doorId, credentialId, slot);
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
 * Credentials a batch wrote already ended, because a later change of the batch ends them
 * (ends-ahead.ts): by id, the doors whose rows that change takes back, as ending them would.
 */
export type EndedEarly = Map<string, string[]>;

/**
 * A credential as the cloud holds it: new here (granted on another console) or this console's
 * own with what the cloud settled (its PIN, its slots). Answers whether anything changed. A
 * kiosk is not sent other consoles' codes or passes: their credentials are kept without them
 * (it shows them and never programs a door). `endsAs`: a later change of the same batch ends
 * it; one new here is then written ended, and noted in `endedEarly` for that change.
 */
export function applyCredentialWritten(ctx: AccessContext, c: CredentialWritten, by: Granter, endsAs?: EndAhead, endedEarly?: EndedEarly): boolean {
  const { db } = ctx;
  const existing = credentialHeld(db, c.credentialId);
  let changed = false;
  const ended = !existing && endsAs && endedEarly ? { at: ctx.now().toISOString(), ...endsAs } : null;
  if (!existing) {
    // The guest by who they are: another console's guest id names nobody here.
    const guest = upsertGuest(db, { name: c.guest.name, phone: c.guest.phone, company: c.guest.company }, c.at);
    const bounds = scheduleBounds(c.schedule, ctx.community().timeZone);
    insertReceivedCredential(db, {
      id: c.credentialId,
      unitId: c.unitId,
      guestId: guest.id,
      kind: c.kind,
      audience: c.audience,
      schedule: c.schedule,
      startsAt: bounds.startsAt?.toISOString() ?? null,
      endsAt: bounds.endsAt?.toISOString() ?? null,
      pinCode: c.pinCode,
      blePass: c.kind === 'ble' ? (c.blePass ?? null) : null,
      createdAt: c.at,
      createdBy: by.name,
      grantedRole: by.role,
      reissuedFrom: c.replaces ?? null,
      originConsole: by.originConsole,
      visitId: c.visit?.id ?? null,
      ended,
    });
    if (c.visit) adoptVisitTextStatus(db, c.credentialId, c.visit.id);
    changed = true;
  } else if (c.pinCode !== null) {
    changed = changePin(ctx, c.credentialId, c.pinCode, c.at);
  }
  if (!existing?.endedAt) for (const d of c.doors) changed = placeInSlot(ctx, c.credentialId, d.doorId, d.slot, c.at, !existing, ended?.at ?? null) || changed;
  if (ended) endedEarly!.set(c.credentialId, [...new Set(c.doors.map((d) => d.doorId))]);
  if (c.replaces) changed = endIfLive(ctx, c.replaces, 'reissued', by.name) || changed;
  return changed;
}

/** The cloud settled a different code: the doors holding the old one need the new one. */
export function changePin(ctx: AccessContext, credentialId: string, pinCode: string, at: string): boolean {
  if (!setCredentialPin(ctx.db, credentialId, pinCode)) return false;
  for (const doorId of liveDoorsOf(ctx.db, credentialId)) markDoorChanged(ctx.db, doorId, at);
  return true;
}

/** A visit revoked on another console: every credential of it here ends with it. */
export function endVisitIfLive(ctx: AccessContext, visitId: string, by: string): boolean {
  let changed = false;
  for (const id of liveVisitCredentials(ctx.db, visitId)) changed = endIfLive(ctx, id, 'revoked', by) || changed;
  return changed;
}

/** Ends a credential that another console (or the cloud) ended; one already ended stays as it is. */
export function endIfLive(ctx: AccessContext, credentialId: string, reason: 'revoked' | 'expired' | 'used' | 'reissued', by: string): boolean {
  if (!isLiveCredential(ctx.db, credentialId)) return false;
  endCredential(ctx, credentialId, reason, by);
  return true;
}

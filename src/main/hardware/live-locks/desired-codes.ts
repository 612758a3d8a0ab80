import { Temporal } from 'temporal-polyfill';
import { Schedule } from '../../../shared/domain';
import type { AccessContext } from '../../access/access-context';
import { compileForLock } from '../../access/schedule';
import type { LiveLock } from '../../devices/live/live-lock-network';
import { doorSlotsAsOf } from '../../store/door-table-repo';
import { codeDigest } from './code-digest';
import type { WantedCode } from './live-plan';
import { presence } from './presence';

/**
 * The codes a live door should hold, each with how its lock runs its schedule and whether it
 * belongs on the lock now (presence.ts); and when that next changes, for the door's timer.
 * Bluetooth credentials are not a keypad's; a PIN credential without its code (granted on
 * another console, seen by a kiosk) cannot be written from here and is left out.
 */
export function desiredCodes(ctx: AccessContext, doorId: string, lock: LiveLock): { wanted: WantedCode[]; nextChangeAt: Date | null } {
  const zone = ctx.community().timeZone;
  const now = Temporal.Instant.fromEpochMilliseconds(ctx.now().getTime());
  let nextChangeAt: Date | null = null;
  const wanted: WantedCode[] = [];
  for (const row of doorSlotsAsOf(ctx.db, doorId, null)) {
    if (row.kind !== 'pin' || !row.pinCode) continue;
    const schedule = Schedule.parse(JSON.parse(row.scheduleJson));
    const fit = lock.scheduleFit(compileForLock(schedule, zone));
    // Every fit: even a lock that runs the schedule whole has the code taken off once it is over.
    const p = presence(schedule, fit, zone, now);
    const at = p.nextChangeAt === null ? null : new Date(p.nextChangeAt.epochMilliseconds);
    if (at && (!nextChangeAt || at < nextChangeAt)) nextChangeAt = at;
    wanted.push({ slot: row.slot, credentialId: row.credentialId, code: row.pinCode, digest: codeDigest(doorId, row.slot, row.pinCode), fit, present: p.present });
  }
  return { wanted, nextChangeAt };
}

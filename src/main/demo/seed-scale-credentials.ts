import { randomInt, randomUUID } from 'node:crypto';
import type { Community, Schedule } from '../../shared/domain';
import { isBlocklisted } from '../access/pin-allocator';
import { scheduleBounds } from '../access/schedule';
import type { Db } from '../store/database';
import { seedCredential, seedDoorCredential, seedDoorsMostlyProgrammed, seedUnits } from '../store/demo-seed-repo';
import { insertGuest } from '../store/guests-repo';
import { inTransaction } from '../store/statement';
import { demoGuest } from './demo-guests';
import { assignDemoSerials } from '../store/demo-serials-repo';
import { localDateTime } from './demo-schedules';

/** What each unit gets: 8 credentials of every type, some ended, a tenth of doors pending. */
const perUnit: { type: Schedule['type']; end?: 'revoked' | 'expired' | 'used'; ble?: boolean }[] = [
  { type: 'permanent' },
  { type: 'permanent', ble: true },
  { type: 'permanent', end: 'revoked' },
  { type: 'temporary' },
  { type: 'temporary', end: 'expired' },
  { type: 'recurring' },
  { type: 'delivery', end: 'used' },
  { type: 'delivery' },
];

/**
 * Writes a portfolio's worth of credentials straight into the store in one transaction:
 * far faster than granting them one by one, with the same shape a grant writes (slots,
 * codes unique on every door, the doors' desired state). For benchmarks and scale demos.
 */
export function seedScaleCredentials(db: Db, community: Community, now: Date): number {
  const units = seedUnits(db);
  const shared = ['garage-gate', 'east-gate', 'package-room', 'fitness-center'];
  const slots = new Map<string, number>();
  const codes = new Map<string, Set<string>>();
  const at = now.toISOString();
  const uniqueCode = (doors: string[]): string => {
    for (;;) {
      const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      if (isBlocklisted(code) || doors.some((d) => codes.get(d)?.has(code))) continue;
      for (const d of doors) (codes.get(d) ?? codes.set(d, new Set()).get(d)!).add(code);
      return code;
    }
  };
  let count = 0;
  inTransaction(db, () => {
    units.forEach((unit, u) => {
      const kinds = (JSON.parse(unit.capabilitiesJson) as { credentialKinds: string[] }).credentialKinds;
      perUnit.forEach((plan, p) => {
        const i = u * perUnit.length + p;
        const kind = plan.ble && kinds.includes('ble') ? 'ble' : kinds.includes('pin') && plan.type !== 'delivery' ? 'pin' : kinds.includes('pin') ? 'pin' : 'ble';
        if (plan.type === 'delivery' && kind !== 'pin') return;
        const schedule = scaleSchedule(plan.type, now, community.timeZone, i, plan.end === 'expired');
        const bounds = scheduleBounds(schedule, community.timeZone);
        const doors = plan.type === 'delivery' ? [`${unit.buildingId}-entrance`, 'garage-gate', 'east-gate', 'package-room'] : [unit.doorId, `${unit.buildingId}-entrance`, ...shared];
        const live = !plan.end;
        const g = demoGuest(i);
        const guestId = `guest_${randomUUID()}`;
        insertGuest(db, { id: guestId, name: g.name, phone: `+1${g.phone.replace(/\D/g, '')}`, company: g.company ?? null }, at);
        const id = `cred_${randomUUID()}`;
        seedCredential(db, {
          id, unit: unit.id, guest: guestId, kind, audience: g.company ? 'vendor' : 'guest', type: schedule.type,
          schedule: JSON.stringify(schedule), startsAt: bounds.startsAt?.toISOString() ?? null, endsAt: bounds.endsAt?.toISOString() ?? null,
          pin: kind === 'pin' ? (live ? uniqueCode(doors) : String(100000 + (i % 899999))) : null, at,
          endedAt: live ? null : at, end: plan.end ?? null, endedBy: live ? null : 'Scale data', usedAt: plan.end === 'used' ? at : null,
        });
        for (const door of doors) {
          const slot = (slots.get(door) ?? 0) + 1;
          slots.set(door, slot);
          seedDoorCredential(db, door, id, slot, at, live ? null : at);
        }
        count++;
      });
    });
    // Programmed on the last round, except a tenth of unit doors still waiting.
    seedDoorsMostlyProgrammed(db, at);
    assignDemoSerials(db);
  });
  return count;
}

function scaleSchedule(type: Schedule['type'], now: Date, zone: string, i: number, past: boolean): Schedule {
  const offset = past ? -240 : (i % 5) * 24 - 48; // hours
  switch (type) {
    case 'permanent':
      return { type };
    case 'temporary':
      return { type, starts: localDateTime(now, zone, offset), ends: localDateTime(now, zone, offset + 120) };
    case 'recurring':
      return { type, days: i % 2 ? ['mon', 'wed', 'fri'] : ['tue', 'thu'], from: '11:00', until: '13:00' };
    case 'delivery':
      return { type, starts: localDateTime(now, zone, -(i % 3)), ends: localDateTime(now, zone, 2 - (i % 3)) };
  }
}

import { randomInt, randomUUID } from 'node:crypto';
import type { Community, Schedule } from '../../shared/domain';
import { isBlocklisted } from '../access/pin-allocator';
import { scheduleBounds } from '../access/schedule';
import type { Db } from '../store/database';
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
  const units = db
    .prepare(
      `SELECT u.id, u.building_id, d.id AS door, m.capabilities_json AS caps FROM units u
       JOIN doors d ON d.unit_id = u.id AND d.kind = 'unit' JOIN lock_models m ON m.id = d.lock_model_id ORDER BY u.id`,
    )
    .all() as { id: string; building_id: string; door: string; caps: string }[];
  const shared = ['garage-gate', 'east-gate', 'package-room', 'fitness-center'];
  const slots = new Map<string, number>();
  const codes = new Map<string, Set<string>>();
  const at = now.toISOString();
  const insertGuest = db.prepare('INSERT INTO guests (id, name, phone_e164, company, created_at) VALUES (?, ?, ?, ?, ?)');
  const insertCredential = db.prepare(
    `INSERT INTO credentials (id, unit_id, guest_id, kind, audience, access_type, schedule_json, starts_at, ends_at, pin_code,
       created_at, created_by, ended_at, end_reason, ended_by, used_at, notification, notifications_sent)
     VALUES (@id, @unit, @guest, @kind, @audience, @type, @schedule, @startsAt, @endsAt, @pin, @at, 'Scale data', @endedAt, @end, @endedBy, @usedAt, 'sent', 1)`,
  );
  const link = db.prepare('INSERT INTO door_credentials (door_id, credential_id, slot, added_at, removed_at) VALUES (?, ?, ?, ?, ?)');
  const uniqueCode = (doors: string[]): string => {
    for (;;) {
      const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      if (isBlocklisted(code) || doors.some((d) => codes.get(d)?.has(code))) continue;
      for (const d of doors) (codes.get(d) ?? codes.set(d, new Set()).get(d)!).add(code);
      return code;
    }
  };
  let count = 0;
  db.transaction(() => {
    units.forEach((unit, u) => {
      const kinds = (JSON.parse(unit.caps) as { credentialKinds: string[] }).credentialKinds;
      perUnit.forEach((plan, p) => {
        const i = u * perUnit.length + p;
        const kind = plan.ble && kinds.includes('ble') ? 'ble' : kinds.includes('pin') && plan.type !== 'delivery' ? 'pin' : kinds.includes('pin') ? 'pin' : 'ble';
        if (plan.type === 'delivery' && kind !== 'pin') return;
        const schedule = scaleSchedule(plan.type, now, community.timeZone, i, plan.end === 'expired');
        const bounds = scheduleBounds(schedule, community.timeZone);
        const doors = plan.type === 'delivery' ? [`${unit.building_id}-entrance`, 'garage-gate', 'east-gate', 'package-room'] : [unit.door, `${unit.building_id}-entrance`, ...shared];
        const live = !plan.end;
        const g = demoGuest(i);
        const guestId = `guest_${randomUUID()}`;
        insertGuest.run(guestId, g.name, `+1${g.phone.replace(/\D/g, '')}`, g.company ?? null, at);
        const id = `cred_${randomUUID()}`;
        insertCredential.run({
          id, unit: unit.id, guest: guestId, kind, audience: g.company ? 'vendor' : 'guest', type: schedule.type,
          schedule: JSON.stringify(schedule), startsAt: bounds.startsAt?.toISOString() ?? null, endsAt: bounds.endsAt?.toISOString() ?? null,
          pin: kind === 'pin' ? (live ? uniqueCode(doors) : String(100000 + (i % 899999))) : null, at,
          endedAt: live ? null : at, end: plan.end ?? null, endedBy: live ? null : 'Scale data', usedAt: plan.end === 'used' ? at : null,
        });
        for (const door of doors) {
          const slot = (slots.get(door) ?? 0) + 1;
          slots.set(door, slot);
          link.run(door, id, slot, at, live ? null : at);
        }
        count++;
      });
    });
    // Programmed on the last round, except a tenth of unit doors still waiting.
    db.prepare('UPDATE doors SET desired_version = 1, reported_version = 1, reported_at = ?').run(at);
    db.prepare("UPDATE doors SET desired_version = 2, desired_changed_at = ? WHERE kind = 'unit' AND rowid % 10 = 0").run(at);
    assignDemoSerials(db);
  })();
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

import { afterEach, describe, expect, it } from 'vitest';
import { compileForLock } from '../../../../src/main/access/schedule';
import { doorEnforcement } from '../../../../src/main/hardware/live-locks/door-enforcement';
import { assignLiveLock, saveLiveLock } from '../../../../src/main/store/live-locks-repo';
import { saveLockKey } from '../../../../src/main/store/lock-keys-repo';
import type { Schedule } from '../../../../src/shared/domain/schedule';
import { call, comboUnit, openTestConsole, signIn, type TestConsole } from '../../../helpers/test-console';
import { unitDoorOf, yaleLock } from './live-lock-fixtures';

const zone = 'America/Chicago';
const unitDoor = { id: 'door-1', name: 'Unit 204', kind: 'unit' as const };
const entrance = { id: 'north-entrance', name: 'North Tower entrance', kind: 'entrance' as const };
const gate = { id: 'east-gate', name: 'East pedestrian gate', kind: 'perimeter' as const };
const walker: Schedule = { type: 'recurring', days: ['mon', 'wed', 'fri'], from: '11:00', until: '13:30' };
const v3 = { weekDay: 7, yearDay: 2, dailyRepeating: 1 };

describe('which doors enforce a schedule how', () => {
  it('says a Z-Wave lock with the slots enforces a weekly window itself, and the technician doors wait for their round', () => {
    const links = [
      { door: unitDoor, link: 'zwave' as const, schedules: v3 },
      { door: entrance, link: 'key_programmer' as const },
      { door: gate, link: 'bluetooth' as const },
    ];
    expect(doorEnforcement(compileForLock(walker, zone), links)).toEqual([
      { door: unitDoor, by: 'lock', link: 'zwave', why: null },
      { door: entrance, by: 'technician', link: 'key_programmer', why: expect.stringContaining('with the key-programmer on the next round') },
      { door: gate, by: 'technician', link: 'bluetooth', why: expect.stringContaining('over Bluetooth on the next round') },
    ]);
  });

  it('says Porter keeps the first and last day on a Z-Wave lock, and the whole schedule on one without schedules', () => {
    const dated = compileForLock({ ...walker, startsOn: '2030-04-01', endsOn: '2030-06-30' }, zone);
    const [withSlots, without] = doorEnforcement(dated, [
      { door: unitDoor, link: 'zwave', schedules: v3 },
      { door: unitDoor, link: 'zwave', schedules: { weekDay: 0, yearDay: 0, dailyRepeating: 0 } },
    ]);
    expect(withSlots).toMatchObject({ by: 'both', why: expect.stringContaining('Porter adds the code on the first day and removes it after the last') });
    expect(without).toMatchObject({ by: 'porter', why: expect.stringContaining('keeps no weekly schedules') });
  });

  it('leaves the schedule to Porter on a Z-Wave lock not yet interviewed, and says why', () => {
    const [door] = doorEnforcement(compileForLock(walker, zone), [{ door: unitDoor, link: 'zwave', schedules: null }]);
    expect(door).toEqual({ door: unitDoor, by: 'porter', link: 'zwave', why: 'The lock has not yet told Porter which schedules it keeps: until it does, Porter adds and removes the code itself.' });
    // A permanent code needs no schedule, so the lock holds it whatever it keeps.
    expect(doorEnforcement(compileForLock({ type: 'permanent' }, zone), [{ door: unitDoor, link: 'zwave', schedules: null }])[0]).toMatchObject({ by: 'lock', why: null });
  });
});

const lock = yaleLock(7, { weekDay: 2, yearDay: 1, dailyRepeating: 0 });

describe('the grant form asking how its doors enforce a schedule', () => {
  let porter: TestConsole | null = null;
  afterEach(async () => {
    await porter?.close();
    porter = null;
  });
  const enforcement = (c: TestConsole, schedule: Schedule | { type: 'delivery' }) => call(c, 'credentials.enforcement', { unitId: comboUnit, kind: 'pin', schedule });

  it('answers for the same doors the grant would open: the unit door on its Z-Wave lock, the rest by a technician', async () => {
    porter = openTestConsole(undefined, {
      beforeOpen: (db) => {
        const door = unitDoorOf(db, comboUnit);
        saveLiveLock(db, 'c0ffee01', lock, '2026-01-01T00:00:00Z');
        assignLiveLock(db, 'c0ffee01', 7, door, '2026-01-01T00:00:00Z');
        saveLockKey(db, 'serial-of-nothing', new Uint8Array(32), '2026-01-01T00:00:00Z', 'Avery Brooks');
      },
    });
    const fiveDays: Schedule = { type: 'recurring', days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '09:00', until: '17:00' };
    const doors = await enforcement(porter, fiveDays);
    const unit = doors.find((d) => d.door.id === unitDoorOf(porter!.db, comboUnit))!;
    expect(unit).toMatchObject({ by: 'porter', link: 'zwave', why: expect.stringContaining('keeps 2 weekly time slots per code and this schedule needs 5') });
    const others = doors.filter((d) => d !== unit);
    expect(others.length).toBeGreaterThan(0);
    expect(others.every((d) => d.by === 'technician' && d.link === 'key_programmer')).toBe(true);
    // Two days fit the lock's two week-day slots.
    const twoDays = await enforcement(porter, { ...fiveDays, days: ['mon', 'thu'] });
    expect(twoDays.find((d) => d.link === 'zwave')).toMatchObject({ by: 'lock', why: null });
    // A delivery at Riverside Commons opens only the common doors: no Z-Wave door is named.
    expect((await enforcement(porter, { type: 'delivery' })).some((d) => d.link === 'zwave')).toBe(false);
  });

  it('names a commissioned Bluetooth lock as reached by the Bluetooth round', async () => {
    porter = openTestConsole(undefined, {
      beforeOpen: (db) => {
        const door = unitDoorOf(db, comboUnit);
        db.prepare("UPDATE doors SET serial = 'KB5-0001' WHERE id = ?").run(door);
        saveLockKey(db, 'KB5-0001', new Uint8Array(32), '2026-01-01T00:00:00Z', 'Avery Brooks');
      },
    });
    const doors = await enforcement(porter, walker);
    expect(doors.find((d) => d.door.id === unitDoorOf(porter!.db, comboUnit))).toMatchObject({ by: 'technician', link: 'bluetooth' });
  });

  it('refuses a schedule the grant would refuse, with the same words, and a role that cannot grant', async () => {
    porter = openTestConsole();
    const backwards = await porter.core.dispatch('credentials.enforcement', { unitId: comboUnit, kind: 'pin', schedule: { ...walker, from: '14:00', until: '09:00' } });
    expect(backwards).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('The daily window must end after it starts') } });
    const nowhere = await porter.core.dispatch('credentials.enforcement', { unitId: 'no-such-unit', kind: 'pin', schedule: walker });
    expect(nowhere).toMatchObject({ ok: false, error: { code: 'not_found' } });
    await signIn(porter, 'sam');
    const technician = await porter.core.dispatch('credentials.enforcement', { unitId: comboUnit, kind: 'pin', schedule: walker });
    expect(technician).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

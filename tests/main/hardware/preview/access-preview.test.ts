import { afterEach, describe, expect, it } from 'vitest';
import { assignLiveLock, saveLiveLock } from '../../../../src/main/store/live-locks-repo';
import { saveLockKey } from '../../../../src/main/store/lock-keys-repo';
import type { Db } from '../../../../src/main/store/database';
import type { ScheduleRequest } from '../../../../src/shared/domain';
import { seedNearFullDoor } from '../../../helpers/seed-near-full-door';
import { bluetoothOnlyUnit, call, comboUnit, jane, openTestConsole, signIn, writeCounts, type TestConsole } from '../../../helpers/test-console';
import { slotOf, unitDoorOf, yaleLock } from '../live-locks/live-lock-fixtures';

const at = new Date('2026-11-26T15:00:00Z');
const walker: ScheduleRequest = { type: 'recurring', days: ['mon', 'thu'], from: '11:00', until: '13:30' };
const fiveDays: ScheduleRequest = { type: 'recurring', days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '09:00', until: '17:00' };

let porter: TestConsole | null = null;
afterEach(async () => {
  await porter?.close();
  porter = null;
});

/** North Tower 204's door gets a live Z-Wave lock keeping two weekly and one dated schedule per code. */
function zwaveOnComboUnit(db: Db) {
  const door = unitDoorOf(db, comboUnit);
  saveLiveLock(db, 'c0ffee01', yaleLock(7, { weekDay: 2, yearDay: 1, dailyRepeating: 0 }), '2026-01-01T00:00:00Z');
  assignLiveLock(db, 'c0ffee01', 7, door, '2026-01-01T00:00:00Z');
}

const preview = (c: TestConsole, schedule: ScheduleRequest, kind: 'pin' | 'ble' = 'pin') => call(c, 'access.preview', { unitId: comboUnit, kind, schedule });

describe('what each door will hold, before the grant is sent', () => {
  it('lists the unit door first, then the common doors, each with the slot the grant then takes', async () => {
    porter = openTestConsole(undefined, { now: () => at });
    const p = await preview(porter, walker);
    expect(p.refusal).toBeNull();
    expect(p.doors[0]!.door).toEqual({ id: unitDoorOf(porter.db, comboUnit), name: 'North Tower 204', kind: 'unit' });
    expect(p.doors.map((d) => d.door.kind)).toEqual(expect.arrayContaining(['unit', 'entrance', 'perimeter', 'amenity']));
    expect(p.doors.every((d) => d.canHold && typeof d.slot === 'number')).toBe(true);

    const granted = await call(porter, 'access.grant', { unitId: comboUnit, kind: 'pin', audience: 'guest', guest: jane, schedule: walker });
    for (const d of p.doors) expect(slotOf(porter.db, granted.id, d.door.id)).toBe(d.slot);
  });

  it('gives the schedule as the lock runs it, in words and fields, in the community time zone, and how it gets there', async () => {
    porter = openTestConsole(undefined, { now: () => at });
    const dated = await preview(porter, { ...walker, startsOn: '2026-12-01', endsOn: '2027-02-28' });
    const unit = dated.doors[0]!;
    expect(unit.schedule).toEqual({
      words: 'Mon, Thu 11:00 AM–1:30 PM, Dec 1, 2026, 12:00 AM – Feb 28, 2027, 1:30 PM',
      keptBy: 'lock',
      userType: 'schedule_restricted_user',
      weekly: [{ days: ['mon', 'thu'], from: '11:00', until: '13:30' }],
      dated: [{ from: '2026-12-01T00:00', until: '2027-02-28T13:30' }],
      timeZone: 'America/Chicago',
    });
    expect(unit.approximations).toEqual([]);
    // No live lock and no Bluetooth key on record: the key-programmer, on the next round.
    expect(unit.delivery).toEqual({ path: 'round', link: 'key_programmer', words: 'Next round, key-programmer' });
  });

  it('says in words what a Z-Wave lock cannot represent and how Porter makes up for it, and that the code goes live over the stick', async () => {
    porter = openTestConsole(undefined, { now: () => at, beforeOpen: zwaveOnComboUnit });
    const two = (await preview(porter, walker)).doors[0]!;
    expect(two).toMatchObject({ delivery: { path: 'live', link: 'zwave', words: 'Live, Z-Wave stick' }, approximations: [] });
    expect(two.schedule).toMatchObject({ keptBy: 'lock', userType: 'week_day_schedule_user', words: 'Mon, Thu 11:00 AM–1:30 PM' });

    // Five days need five week-day entries; the lock keeps two: it holds the code at any time and Porter keeps the window.
    const five = (await preview(porter, fiveDays)).doors[0]!;
    expect(five.schedule).toMatchObject({ keptBy: 'porter', userType: 'unrestricted_user', words: 'Any time while the code is on the lock', weekly: [], dated: [] });
    expect(five.approximations).toEqual([
      {
        what: 'This lock keeps 2 weekly time slots per code and this schedule needs 5.',
        porterDoes: 'Porter adds the code at 9:00 AM and removes it at 5:00 PM on Mon, Tue, Wed, Thu, Fri',
      },
    ]);

    // A weekly window with dates: the lock keeps the window, Porter the first and last day.
    const dated = (await preview(porter, { ...walker, startsOn: '2026-12-01', endsOn: '2027-02-28' })).doors[0]!;
    expect(dated.schedule).toMatchObject({ keptBy: 'both', userType: 'week_day_schedule_user' });
    expect(dated.approximations).toEqual([
      { what: 'Z-Wave locks cannot hold a weekly window and dates together.', porterDoes: 'Porter adds the code on Dec 1 and removes it after Feb 28' },
    ]);
  });

  it('names a commissioned Bluetooth lock as reached on the next round over Bluetooth', async () => {
    porter = openTestConsole(undefined, {
      now: () => at,
      beforeOpen: (db) => {
        db.prepare("UPDATE doors SET serial = 'KB5-0001' WHERE id = ?").run(unitDoorOf(db, comboUnit));
        saveLockKey(db, 'KB5-0001', new Uint8Array(32), '2026-01-01T00:00:00Z', 'Avery Brooks');
      },
    });
    expect((await preview(porter, walker)).doors[0]!.delivery).toEqual({ path: 'round', link: 'bluetooth', words: 'Next round, Bluetooth' });
  });

  it('marks a door that cannot hold it with the reason, and the grant is refused up front with the same words, writing nothing', async () => {
    porter = openTestConsole(undefined, { now: () => at, beforeOpen: zwaveOnComboUnit });
    // The KB-500 model takes Bluetooth passes, but the lock fitted is reached over Z-Wave.
    const p = await preview(porter, { type: 'temporary', starts: '2026-11-27T09:00', ends: '2026-11-28T18:00' }, 'ble');
    const why = "North Tower 204's lock is reached over Z-Wave, which carries PIN codes only: it cannot hold Bluetooth passes.";
    expect(p.doors[0]).toMatchObject({ canHold: false, reason: why, slot: null });
    expect(p.doors.slice(1).every((d) => d.canHold)).toBe(true);
    expect(p.refusal).toBe(why);

    const before = writeCounts(porter.db);
    const r = await porter.core.dispatch('access.grant', { unitId: comboUnit, kind: 'ble', audience: 'guest', guest: jane, schedule: { type: 'temporary', starts: '2026-11-27T09:00', ends: '2026-11-28T18:00' } });
    expect(r).toMatchObject({ ok: false, error: { code: 'not_allowed', message: why } });
    expect(writeCounts(porter.db)).toEqual(before);
  });

  it('marks a door with no free slot for a guest', async () => {
    // South Tower 204's BT-10 (20 slots) keeps 2 for staff; every guest slot is taken.
    porter = openTestConsole(undefined, {
      beforeOpen: (db) => seedNearFullDoor(db, { unitId: bluetoothOnlyUnit, doorId: unitDoorOf(db, bluetoothOnlyUnit), modelId: 'arden-bt10', reserved: 2, freeGuestSlots: 0, oldestTemporary: 'Theo Marsh' }),
    });
    const p = await call(porter, 'access.preview', { unitId: bluetoothOnlyUnit, kind: 'ble', schedule: { type: 'permanent' } });
    const why = 'South Tower 204 has no free slot for a guest: all 18 guest slots are in use, and its other 2 are kept for staff and emergency codes.';
    expect(p.doors[0]).toMatchObject({ door: { name: 'South Tower 204' }, canHold: false, slot: null, reason: expect.stringContaining(why) });
    expect(p.refusal).toContain(why);
  });

  it('refuses a schedule the grant would refuse, with the same words, and a role that cannot grant', async () => {
    porter = openTestConsole(undefined, { now: () => at });
    const backwards = await porter.core.dispatch('access.preview', { unitId: comboUnit, kind: 'pin', schedule: { ...walker, from: '14:00', until: '09:00' } });
    expect(backwards).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('The daily window must end after it starts') } });
    const nowhere = await porter.core.dispatch('access.preview', { unitId: 'no-such-unit', kind: 'pin', schedule: walker });
    expect(nowhere).toMatchObject({ ok: false, error: { code: 'not_found' } });
    await signIn(porter, 'sam');
    expect(await porter.core.dispatch('access.preview', { unitId: comboUnit, kind: 'pin', schedule: walker })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

describe('what each door will hold, for a bulk draft', () => {
  it('summarises each unit, lists the units that cannot hold it, and shows each shared door once with its units', async () => {
    porter = openTestConsole(undefined, { now: () => at });
    // Garden Court floor 1: every fourth unit has a KB-500 (Bluetooth too); the rest take PIN codes only.
    const p = await call(porter, 'access.previewBulk', { target: { scope: 'floor', buildingId: 'garden', floor: 1 }, kind: 'ble', schedule: { type: 'permanent' } });
    expect(p.units).toHaveLength(16);
    expect(p.cannotHold.map((u) => u.unitLabel)).toHaveLength(12);
    expect(p.cannotHold[0]).toEqual({ unitId: 'garden-102', unitLabel: 'Garden Court 102', reason: 'Garden Court 102 has a ZW-300 Z-Wave Deadbolt lock, which cannot hold Bluetooth passes.' });
    expect(p.units.find((u) => u.unitLabel === 'Garden Court 101')).toMatchObject({ canHold: true, reason: null, round: expect.any(Number), live: 0 });
    // The four KB-500 doors alike in one row; the building's entrance once, for the four units.
    expect(p.doors[0]).toMatchObject({ door: { name: '4 unit doors', kind: 'unit' }, units: 4, slot: null, lockModel: 'KB-500 Keypad + Bluetooth' });
    expect(p.doors.find((d) => d.door.name === 'Garden Court entrance')).toMatchObject({ units: 4, canHold: true, slot: null });
  });
});

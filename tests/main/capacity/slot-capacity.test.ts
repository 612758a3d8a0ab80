import { afterEach, describe, expect, it } from 'vitest';
import type { CapacityWarning, Credential, DoorCapacity } from '../../../src/shared/domain';
import { nearFullSlots, slotTotal } from '../../../src/main/access/slot-total';
import { unitDoorLock } from '../../../src/main/store/doors-repo';
import { assignLiveLock, saveLiveLock } from '../../../src/main/store/live-locks-repo';
import type { Db } from '../../../src/main/store/database';
import { bluetoothOnlyUnit, call, lastAudit, openTestConsole, type TestConsole } from '../../helpers/test-console';

let t: TestConsole;
afterEach(() => t?.close());

const day = 24 * 3600 * 1000;
const guest = (i: number) => ({ name: `Guest ${i}`, phone: `312-555-${String(1000 + i)}` });
const leasingJordan = { id: 'jordan', name: 'Jordan Lee', role: 'leasing' } as const;

/** A console whose clock the test moves. */
function consoleAt(start: string, options: { beforeOpen?: (db: Db) => void } = {}) {
  const clock = { now: new Date(start) };
  t = openTestConsole(undefined, { now: () => clock.now, ...options });
  return clock;
}

async function capacityOf(doorId: string): Promise<DoorCapacity> {
  const overview = await call(t, 'capacity.overview', { limit: 500 });
  const door = overview.doors.find((d) => d.door.id === doorId);
  if (!door) throw new Error(`no capacity for ${doorId}`);
  return door;
}

async function grantBle(unitId: string, i: number, schedule: Parameters<typeof call<'access.grant'>>[2]['schedule'] = { type: 'permanent' }) {
  return t.core.dispatch('access.grant', { unitId, kind: 'ble', guest: guest(i), schedule });
}

/** Grants until the door's guest slots are `free` short of full. */
async function fillUntilFree(unitId: string, doorId: string, free: number): Promise<Credential[]> {
  const granted: Credential[] = [];
  for (let i = 0; (await capacityOf(doorId)).free > free; i++) {
    const r = await grantBle(unitId, i);
    if (!r.ok) throw new Error(r.error.message);
    granted.push(r.value as Credential);
  }
  return granted;
}

/** A Z-Wave lock that reports 30 user codes, on North Tower 201's door (a KB-500: 100 slots by its model). */
function liveLockOnNorth201(db: Db): void {
  const at = new Date().toISOString();
  saveLiveLock(db, 'c0ffee01', {
    nodeId: 5, manufacturer: 'Yale', product: 'Assure Lock 2', firmware: null, security: 'strong', status: 'alive', batteryPercent: 90, batteryLow: false, rssiDbm: null,
    capabilities: { slots: 30, pinLength: { min: 4, max: 8 }, bulkCodes: false, tableChecksum: false, schedules: { weekDay: 2, yearDay: 1, dailyRepeating: 0 }, keypadModes: ['normal'] },
  }, at);
  assignLiveLock(db, 'c0ffee01', 5, unitDoorLock(db, 'north-201')!.id, at);
}

describe('slots used and free', () => {
  it('counts a door without a live lock against its model’s slots', async () => {
    consoleAt('2026-03-02T15:00:00Z');
    const before = await capacityOf('door-south-204');
    expect(before).toMatchObject({ total: 20, source: 'model', reserved: 0, guestSlots: 20 });
    await grantBle(bluetoothOnlyUnit, 1);
    const after = await capacityOf('door-south-204');
    expect(after.used).toBe(before.used + 1);
    expect(after.free).toBe(20 - after.used);
  });

  it('counts a live lock’s door against the lock’s own count, and grants stop at it', async () => {
    consoleAt('2026-03-02T15:00:00Z', { beforeOpen: liveLockOnNorth201 });
    const door = unitDoorLock(t.db, 'north-201')!.id;
    expect(await capacityOf(door)).toMatchObject({ total: 30, source: 'lock', guestSlots: 30 });
    // PIN codes: a lock reached over Z-Wave holds no Bluetooth pass.
    const grantPin = (i: number) => t.core.dispatch('access.grant', { unitId: 'north-201', kind: 'pin', guest: guest(i), schedule: { type: 'permanent' } });
    let last;
    for (let i = 0; i < 40 && (last = await grantPin(i)).ok; i++);
    expect(last).toMatchObject({ ok: false, error: { code: 'slots_full', message: expect.stringContaining('all 30 are in use') } });
    expect(await capacityOf(door)).toMatchObject({ used: 30, free: 0 });
  });

  it('takes the lock’s count only where it is below its model’s', () => {
    expect(slotTotal(100, 30)).toEqual({ total: 30, source: 'lock' });
    expect(slotTotal(100, null)).toEqual({ total: 100, source: 'model' });
    expect(slotTotal(250, 300)).toEqual({ total: 250, source: 'model' });
  });
});

describe('grant rate and run-out date', () => {
  it('takes the rate over the last four weeks and says when the guest slots run out at the net rate', async () => {
    // The demo's own credentials are put on the doors at load, ten weeks before the grants below.
    const clock = consoleAt('2026-01-05T15:00:00Z');
    clock.now = new Date('2026-03-16T15:00:00Z');
    const oldGrant = (await grantBle(bluetoothOnlyUnit, 99)) as { ok: true; value: Credential };
    clock.now = new Date(clock.now.getTime() + 7 * day);
    const granted: Credential[] = [];
    for (let i = 0; i < 8; i++) {
      clock.now = new Date(clock.now.getTime() + 3 * day);
      granted.push(((await grantBle(bluetoothOnlyUnit, i)) as { ok: true; value: Credential }).value);
    }
    await call(t, 'access.revoke', { credentialId: granted[0]!.id });
    await call(t, 'access.revoke', { credentialId: oldGrant.value.id });
    const capacity = await capacityOf('door-south-204');
    // Eight grants in the four weeks (the first grant fell outside them), two ends: net 1.5 a week.
    expect(capacity.grantsPerWeek).toBe(2);
    expect(capacity.endsPerWeek).toBe(0.5);
    const weeks = capacity.free / 1.5;
    expect(Date.parse(capacity.runsOutAt!)).toBe(clock.now.getTime() + Math.round(weeks * 7 * day));
  });

  it('says a door that empties as fast as it fills does not run out, and a full one has run out now', async () => {
    const clock = consoleAt('2026-01-05T15:00:00Z');
    clock.now = new Date('2026-03-16T15:00:00Z');
    const a = (await grantBle(bluetoothOnlyUnit, 1)) as { ok: true; value: Credential };
    await call(t, 'access.revoke', { credentialId: a.value.id });
    expect((await capacityOf('door-south-204')).runsOutAt).toBeNull();
    await fillUntilFree(bluetoothOnlyUnit, 'door-south-204', 0);
    expect((await capacityOf('door-south-204')).runsOutAt).toBe(clock.now.toISOString());
  });
});

describe('the warning near full', () => {
  it('warns three slots out on a small lock, and one in twenty on a large reader', () => {
    expect(nearFullSlots(20)).toBe(3);
    expect(nearFullSlots(50)).toBe(3);
    expect(nearFullSlots(2000)).toBe(100);
  });

  it('warns only once a grant would leave fewer than the few slots, naming what to end first: time over, then the oldest temporary', async () => {
    const clock = consoleAt('2026-03-02T15:00:00Z');
    const ask = () => call(t, 'capacity.forGrant', { unitId: bluetoothOnlyUnit, kind: 'ble', schedule: { type: 'permanent' } });
    await fillUntilFree(bluetoothOnlyUnit, 'door-south-204', 4);
    expect((await ask()).some((w) => w.capacity.door.id === 'door-south-204')).toBe(false);
    const temporary = (i: number, ends: string) => grantBle(bluetoothOnlyUnit, 50 + i, { type: 'temporary', starts: '2026-03-02T10:00', ends });
    const first = ((await temporary(1, '2026-03-09T10:00')) as { ok: true; value: Credential }).value;
    const shortOne = ((await temporary(2, '2026-03-02T11:00')) as { ok: true; value: Credential }).value;
    // The short one's hour is over; the sweep has not run yet, so it still holds its slot.
    clock.now = new Date('2026-03-02T18:30:00Z');
    const warning = (await ask()).find((w) => w.capacity.door.id === 'door-south-204') as CapacityWarning;
    expect(warning).toMatchObject({ needed: 1, freeAfter: 1, capacity: { free: 2, nearFull: true } });
    expect(warning.endFirst.map((e) => [e.credentialId, e.why])).toEqual([
      [shortOne.id, 'time_over'],
      [first.id, 'oldest_temporary'],
    ]);
  });

  it('counts a slot per unit on the doors a bulk grant’s units share', async () => {
    consoleAt('2026-03-02T15:00:00Z');
    const warnings = await call(t, 'capacity.forBulkGrant', { target: { scope: 'building', buildingId: 'north' }, kind: 'pin', schedule: { type: 'permanent' } });
    const before = await capacityOf('north-entrance');
    // No warning on the entrance while it has room for the whole building.
    expect(warnings.find((w) => w.capacity.door.id === 'north-entrance')).toBeUndefined();
    // Keep every slot above the entrance's highest in use for staff: only the gaps below are left to guests.
    const highest = t.db.prepare("SELECT max(slot) FROM door_credentials WHERE door_id = 'north-entrance' AND removed_at IS NULL").pluck().get() as number;
    await call(t, 'capacity.setReserved', { modelId: 'kestrel-pr1', reserved: before.total - highest });
    const gaps = highest - before.used;
    const units = (await call(t, 'units.list', { buildingId: 'north', limit: 1 })).total;
    expect(gaps).toBeLessThan(units);
    const tight = await call(t, 'capacity.forBulkGrant', { target: { scope: 'building', buildingId: 'north' }, kind: 'pin', schedule: { type: 'permanent' } });
    const entrance = tight.find((w) => w.capacity.door.id === 'north-entrance')!;
    expect(entrance).toMatchObject({ needed: units, freeAfter: gaps - units, capacity: { free: gaps, guestSlots: highest } });
    // The door that can least take it comes first.
    expect(tight[0]!.freeAfter).toBeLessThanOrEqual(gaps - units);
  });
});

describe('slots kept for staff and emergency codes', () => {
  it('never gives them to a guest grant, and says so in the refusal', async () => {
    consoleAt('2026-03-02T15:00:00Z');
    await call(t, 'capacity.setReserved', { modelId: 'arden-bt10', reserved: 2 });
    expect(await capacityOf('door-south-204')).toMatchObject({ total: 20, reserved: 2, guestSlots: 18 });
    await fillUntilFree(bluetoothOnlyUnit, 'door-south-204', 0);
    const refused = await grantBle(bluetoothOnlyUnit, 77);
    expect(refused).toMatchObject({ ok: false, error: { code: 'slots_full', message: expect.stringContaining('its other 2 are kept for staff and emergency codes') } });
    const topSlot = t.db.prepare("SELECT max(slot) FROM door_credentials WHERE door_id = 'door-south-204' AND removed_at IS NULL").pluck().get();
    expect(topSlot).toBe(18);
  });

  it('holds in a bulk grant: the unit whose guest slots are taken is refused up front, or left out and the others granted', async () => {
    consoleAt('2026-03-02T15:00:00Z');
    const floor = await call(t, 'units.list', { buildingId: 'south', floor: 2, limit: 100 });
    const bt10 = floor.rows.filter((u) => u.lockModel.id === 'arden-bt10');
    expect(bt10.length).toBeGreaterThan(0);
    await call(t, 'capacity.setReserved', { modelId: 'arden-bt10', reserved: 2 });
    await fillUntilFree(bluetoothOnlyUnit, 'door-south-204', 0);
    const request = {
      target: { scope: 'units' as const, unitIds: bt10.map((u) => u.id) },
      kind: 'ble' as const, audience: 'vendor' as const, guest: { name: 'Dana Whitfield', phone: '312-555-0131', company: 'Brightway Cleaning' }, schedule: { type: 'permanent' as const },
    };
    expect(await t.core.dispatch('access.bulkGrant', request)).toMatchObject({ ok: false, error: { code: 'not_allowed', message: expect.stringContaining('South Tower 204 has no free slot for a guest') } });
    const result = await call(t, 'access.bulkGrant', { ...request, unitsThatCannotHold: 'leave_out' });
    expect(result.leftOut).toEqual([expect.objectContaining({ unitId: bluetoothOnlyUnit, reason: expect.stringContaining('kept for staff and emergency codes') })]);
    expect(result.refused).toEqual([]);
    expect(result.granted.length).toBe(bt10.length - 1);
  });

  it('leaves guests already in the reserved slots there, counting only the guest slots as free, and says so in the audit entry', async () => {
    consoleAt('2026-03-02T15:00:00Z');
    await fillUntilFree(bluetoothOnlyUnit, 'door-south-204', 0);
    await call(t, 'capacity.setReserved', { modelId: 'arden-bt10', reserved: 2 });
    expect(lastAudit(t.db).summary).toContain('guests already hold some of those slots on 1 door, until their credentials end');
    expect(await capacityOf('door-south-204')).toMatchObject({ used: 20, guestSlots: 18, free: 0, nearFull: true });
    const topTwo = t.db.prepare("SELECT credential_id FROM door_credentials WHERE door_id = 'door-south-204' AND removed_at IS NULL AND slot = 19").pluck().get() as string;
    await call(t, 'access.revoke', { credentialId: topTwo });
    // Slot 19 is free again, but kept for staff: the guests' 18 are still all taken.
    expect(await capacityOf('door-south-204')).toMatchObject({ used: 19, free: 0 });
    expect(await grantBle(bluetoothOnlyUnit, 88)).toMatchObject({ ok: false, error: { code: 'slots_full' } });
  });

  it('is an admin’s setting, audited, and refuses a reservation that leaves guests no slot', async () => {
    consoleAt('2026-03-02T15:00:00Z');
    const reservations = await call(t, 'capacity.setReserved', { modelId: 'arden-kp200', reserved: 3 });
    expect(reservations.find((r) => r.modelId === 'arden-kp200')).toMatchObject({ reserved: 3, slots: 50, changedBy: 'Avery Brooks' });
    expect(lastAudit(t.db)).toMatchObject({ action: 'capacity.reserved_changed', summary: expect.stringContaining('Kept 3 slots of every KP-200 Keypad lock for staff and emergency codes (was 0)') });
    expect(await t.core.dispatch('capacity.setReserved', { modelId: 'arden-kp200', reserved: 50 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'reserved', message: expect.stringContaining('keep fewer than that') },
    });
    await t.close();
    t = openTestConsole(leasingJordan);
    expect(await t.core.dispatch('capacity.setReserved', { modelId: 'arden-kp200', reserved: 1 })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

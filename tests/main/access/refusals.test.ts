import { afterEach, describe, expect, it } from 'vitest';
import { bluetoothOnlyUnit, comboUnit, jane, keypadOnlyUnit, lastAudit, openTestConsole, writeCounts, type TestConsole } from '../../helpers/test-console';

// A refusal per reason: each names what is wrong (and where, for a form), changes nothing,
// and is itself on the audit record.
let t: TestConsole;
afterEach(() => t?.close());

const at = new Date('2026-11-26T15:00:00Z'); // 09:00 in Chicago

async function expectRefusal(request: object, error: { code: string; field?: string; message?: unknown }) {
  const before = writeCounts(t.db);
  const result = await t.core.dispatch('access.grant', request);
  expect(result).toMatchObject({ ok: false, error });
  expect(writeCounts(t.db)).toEqual(before);
  expect(lastAudit(t.db)).toMatchObject({ action: 'access.refused' });
}

describe('a grant is refused when', () => {
  it('the lock cannot hold the type: a delivery code on a keypad without one-time codes', async () => {
    // Where delivery codes open unit doors too, the unit's lock must hold one-time codes.
    t = openTestConsole(undefined, {
      now: () => at,
      beforeOpen: (db) => db.exec(`UPDATE community SET guidelines_json = json_set(guidelines_json, '$.deliveryOpens', 'unit_and_common')`),
    });
    await expectRefusal(
      { unitId: keypadOnlyUnit, kind: 'pin', guest: jane, schedule: { type: 'delivery' }, audience: 'guest' },
      { code: 'not_allowed', field: 'kind', message: expect.stringContaining('has no one-time codes') },
    );
  });

  it('the lock cannot hold the kind: a PIN code on a Bluetooth-only lock', async () => {
    t = openTestConsole(undefined, { now: () => at });
    await expectRefusal(
      { unitId: bluetoothOnlyUnit, kind: 'pin', guest: jane, schedule: { type: 'permanent' } },
      { code: 'not_allowed', field: 'kind', message: expect.stringContaining('cannot hold PIN codes') },
    );
  });

  it('the guidelines do not allow the type: a recurring Bluetooth pass', async () => {
    t = openTestConsole(undefined, { now: () => at });
    await expectRefusal(
      { unitId: comboUnit, kind: 'ble', guest: jane, schedule: { type: 'recurring', days: ['mon'], from: '09:00', until: '10:00' } },
      { code: 'not_allowed', field: 'schedule.type', message: 'Riverside Commons does not allow Recurring Bluetooth passes.' },
    );
  });

  it('the duration is longer than the guidelines allow', async () => {
    t = openTestConsole(undefined, { now: () => at });
    await expectRefusal(
      { unitId: comboUnit, kind: 'pin', guest: jane, schedule: { type: 'temporary', starts: '2026-11-27T09:00', ends: '2027-01-05T09:00' } },
      { code: 'not_allowed', field: 'schedule.ends', message: expect.stringContaining('at most 30 days') },
    );
  });

  it('the window ends before it starts, or is already over', async () => {
    t = openTestConsole(undefined, { now: () => at });
    await expectRefusal(
      { unitId: comboUnit, kind: 'pin', guest: jane, schedule: { type: 'temporary', starts: '2026-11-28T09:00', ends: '2026-11-27T09:00' } },
      { code: 'invalid_input', field: 'schedule.ends' },
    );
    await expectRefusal(
      { unitId: comboUnit, kind: 'pin', guest: jane, schedule: { type: 'temporary', starts: '2026-11-20T09:00', ends: '2026-11-21T09:00' } },
      { code: 'invalid_input', field: 'schedule.ends' },
    );
  });

  it('a daily window would cross midnight', async () => {
    t = openTestConsole(undefined, { now: () => at });
    await expectRefusal(
      { unitId: comboUnit, kind: 'pin', guest: jane, schedule: { type: 'recurring', days: ['fri'], from: '22:00', until: '02:00' } },
      { code: 'invalid_input', field: 'schedule.until' },
    );
  });

  it('the phone number is invalid', async () => {
    t = openTestConsole(undefined, { now: () => at });
    await expectRefusal({ unitId: comboUnit, kind: 'pin', guest: { name: 'Jane Doe', phone: '12' }, schedule: { type: 'permanent' } }, { code: 'invalid_input', field: 'guest.phone' });
  });

  it('a vendor has no company', async () => {
    t = openTestConsole(undefined, { now: () => at });
    await expectRefusal({ unitId: comboUnit, kind: 'pin', audience: 'vendor', guest: jane, schedule: { type: 'permanent' } }, { code: 'invalid_input', field: 'guest.company' });
  });

  it('a name is longer than a name may be: the limit in plain words, nothing written', async () => {
    t = openTestConsole(undefined, { now: () => at });
    const before = writeCounts(t.db);
    const result = await t.core.dispatch('access.grant', { unitId: comboUnit, kind: 'pin', guest: { name: 'J'.repeat(500), phone: jane.phone }, schedule: { type: 'permanent' } });
    expect(result).toEqual({ ok: false, error: { code: 'invalid_input', field: 'guest.name', message: 'Name can be at most 100 characters' } });
    expect(writeCounts(t.db)).toEqual(before);
  });
});

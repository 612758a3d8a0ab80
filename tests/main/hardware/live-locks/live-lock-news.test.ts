import { afterEach, describe, expect, it } from 'vitest';
import { doorLowBatteryPercent } from '../../../../src/shared/domain/units';
import { keypadDeadbolt } from '../../../../simulators/zwave/lock-spec';
import { comboUnit, jane } from '../../../helpers/test-console';
import { codeOf, openSimLockConsole, slotOf, unitDoor, type SimLockConsole } from './sim-lock-console';

let t: SimLockConsole | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

describe('a simulated Z-Wave lock’s news reaches the activity log, the door and the grid', () => {
  it('keypad unlock with the guest’s name, a wrong code, a jammed bolt, tampering and a low battery', async () => {
    t = await openSimLockConsole([keypadDeadbolt({ nodeId: 2 })]);
    const c = t;
    const doorId = unitDoor(c, comboUnit);
    await c.call('hardware.assignLiveLock', { nodeId: 2, doorId });
    const granted = await c.call('access.grant', { unitId: comboUnit, kind: 'pin', audience: 'guest', schedule: { type: 'permanent' }, guest: jane });
    await c.lockOn(doorId, (l) => l.sync === 'in_sync' && l.pendingSince === null);
    const slot = slotOf(c, granted.id, doorId);

    expect(await c.sim.pressKeypad(2, codeOf(c, granted.id))).toEqual({ opened: true, slot });
    expect(await c.activity(/unlocked at its keypad/)).toMatch(new RegExp(`with Jane Doe’s code \\(slot ${slot}\\)$`));

    expect(await c.sim.pressKeypad(2, '0000000')).toEqual({ opened: false, reason: 'wrong_code' });
    expect(await c.activity(/wrong code/)).toMatch(/refused a wrong code at its keypad$/);

    await c.sim.fault(2, 'jammed');
    expect(await c.activity(/jammed/)).toMatch(/reported its bolt jammed$/);

    await c.sim.fault(2, 'tamper');
    expect(await c.activity(/tampering/)).toMatch(/reported tampering$/);

    await c.sim.fault(2, 'battery_low');
    expect(await c.activity(/low battery/)).toMatch(/reported a low battery/);
    const lock = await c.lockOn(doorId, (l) => l.batteryLow);
    expect(lock.batteryLow).toBe(true);
    const row = (await c.call('units.list', { limit: 500 })).rows.find((r) => r.id === comboUnit);
    expect(row?.doorBatteryPercent).not.toBeNull();
    expect(row!.doorBatteryPercent!).toBeLessThan(doorLowBatteryPercent);
  });
});

import { describe, expect, it } from 'vitest';
import { comboUnit, jane } from '../../../helpers/test-console';
import { liveLockConsolePerTest } from './live-lock-console';
import { codeOf, slotOf, unitDoorOf } from './live-lock-fixtures';

const openLiveLockConsole = liveLockConsolePerTest();

describe('live programming through zwave-js on its mock controller', () => {
  it('brings a grant to the lock by itself and the door turns in sync, then takes a revoke off it', async () => {
    const c = await openLiveLockConsole([{ id: 2, userCodeVersion: 2, slots: 30 }]);
    const doorId = unitDoorOf(c.db, comboUnit);
    await c.call('hardware.assignLiveLock', { nodeId: 2, doorId });
    await c.lockOn(doorId, (l) => l.sync === 'in_sync');
    expect((await c.call('units.get', { unitId: comboUnit })).unit.doorStatus).toBe('in_sync');

    const granted = await c.call('access.grant', { unitId: comboUnit, kind: 'pin', audience: 'guest', schedule: { type: 'permanent' }, guest: jane });
    const slot = slotOf(c.db, granted.id, doorId);
    const synced = await c.lockOn(doorId, (l) => l.sync === 'in_sync' && l.pendingSince === null);
    expect(synced.problem).toBeNull();
    const held = await c.network().lock(2).readCodes();
    expect(held.find((s) => s.slot === slot)).toEqual({ slot, state: 'enabled', code: codeOf(c.db, granted.id) });
    expect((await c.call('units.get', { unitId: comboUnit })).unit.doorStatus).toBe('in_sync');

    await c.call('access.revoke', { credentialId: granted.id });
    await c.lockOn(doorId, (l) => l.sync === 'in_sync' && l.unreachedRevokes.length === 0);
    expect((await c.network().lock(2).readCodes()).find((s) => s.slot === slot)).toEqual({ slot, state: 'available', code: '' });
    const log = await c.call('activity.list', { limit: 20 });
    expect(JSON.stringify(log)).toMatch(/assigned Z-Wave lock .* \(node 2\) to /);
  });
});

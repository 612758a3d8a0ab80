import { afterEach, describe, expect, it } from 'vitest';
import { comboUnit, jane } from '../../../helpers/test-console';
import { openLiveLockConsole, type LiveLockConsole } from './live-lock-console';

let t: LiveLockConsole | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

const unitDoor = (c: LiveLockConsole, unitId: string) => c.db.prepare("SELECT id FROM doors WHERE unit_id = ? AND kind = 'unit'").pluck().get(unitId) as string;
const codeOf = (c: LiveLockConsole, credentialId: string) => c.db.prepare('SELECT pin_code FROM credentials WHERE id = ?').pluck().get(credentialId) as string;

describe('live programming through zwave-js on its mock controller', () => {
  it('brings a grant to the lock by itself and the door turns in sync, then takes a revoke off it', async () => {
    t = await openLiveLockConsole([{ id: 2, userCodeVersion: 2, slots: 30 }]);
    const c = t;
    const doorId = unitDoor(c, comboUnit);
    await c.call('hardware.assignLiveLock', { nodeId: 2, doorId });
    await c.lockOn(doorId, (l) => l.sync === 'in_sync');
    expect((await c.call('units.get', { unitId: comboUnit })).unit.doorStatus).toBe('in_sync');

    const granted = await c.call('access.grant', { unitId: comboUnit, kind: 'pin', audience: 'guest', schedule: { type: 'permanent' }, guest: jane });
    const slot = c.db.prepare('SELECT slot FROM door_credentials WHERE credential_id = ? AND door_id = ?').pluck().get(granted.id, doorId) as number;
    const synced = await c.lockOn(doorId, (l) => l.sync === 'in_sync' && l.pendingSince === null);
    expect(synced.problem).toBeNull();
    const held = await c.network().lock(2).readCodes();
    expect(held.find((s) => s.slot === slot)).toEqual({ slot, state: 'enabled', code: codeOf(c, granted.id) });
    expect((await c.call('units.get', { unitId: comboUnit })).unit.doorStatus).toBe('in_sync');

    await c.call('access.revoke', { credentialId: granted.id });
    await c.lockOn(doorId, (l) => l.sync === 'in_sync' && l.unreachedRevokes.length === 0);
    expect((await c.network().lock(2).readCodes()).find((s) => s.slot === slot)).toEqual({ slot, state: 'available', code: '' });
    const log = await c.call('activity.list', { limit: 20 });
    expect(JSON.stringify(log)).toMatch(/assigned Z-Wave lock .* \(node 2\) to /);
  });
});

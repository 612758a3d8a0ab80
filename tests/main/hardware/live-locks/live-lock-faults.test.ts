import { afterEach, describe, expect, it } from 'vitest';
import { UserIDStatus } from 'zwave-js';
import { keypadDeadbolt } from '../../../../simulators/zwave/lock-spec';
import { comboUnit, jane } from '../../../helpers/test-console';
import { codeOf, openSimLockConsole, slotOf, unitDoor, waitFor, type SimLockConsole } from './sim-lock-console';

let t: SimLockConsole | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

const grantJane = (c: SimLockConsole) => c.call('access.grant', { unitId: comboUnit, kind: 'pin', audience: 'guest', schedule: { type: 'permanent' }, guest: jane });

describe('faults on a simulated Z-Wave lock, through zwave-js', () => {
  it('reports a code the lock refuses as a duplicate of another slot’s, in words, and the door as failed', async () => {
    t = await openSimLockConsole([keypadDeadbolt({ nodeId: 2 })]);
    const c = t;
    const doorId = unitDoor(c, comboUnit);
    const granted = await grantJane(c);
    // Someone keyed the same code into slot 200 at the lock itself.
    c.sim.lock(2).setSlot(200, UserIDStatus.Enabled, codeOf(c, granted.id));
    await c.call('hardware.assignLiveLock', { nodeId: 2, doorId });
    const lock = await c.lockOn(doorId, (l) => l.sync === 'failed');
    const slot = slotOf(c, granted.id, doorId);
    expect(lock.problem).toBe(`The lock refused Jane Doe’s code for slot ${slot}: slot 200 already holds this code.`);
    expect(c.sim.lock(2).slot(slot).status).toBe(UserIDStatus.Available);
  });

  it('reports a full lock’s refusal in words, and the door as failed', async () => {
    t = await openSimLockConsole([keypadDeadbolt({ nodeId: 2 })], { assign: { 2: 'door-north-204' } });
    const c = t;
    const doorId = unitDoor(c, comboUnit);
    await c.lockOn(doorId, (l) => l.sync === 'in_sync');
    await c.sim.fault(2, 'full');
    const granted = await grantJane(c);
    const lock = await c.lockOn(doorId, (l) => l.sync === 'failed');
    expect(lock.problem).toMatch(new RegExp(`^The lock refused Jane Doe’s code for slot ${slotOf(c, granted.id, doorId)}: `));
    expect(c.sim.lock(2).slots.size).toBe(0);
  });

  it('puts back a code changed at the lock’s own keypad, and says so in the activity log', async () => {
    t = await openSimLockConsole([keypadDeadbolt({ nodeId: 2 })], { assign: { 2: 'door-north-204' } });
    const c = t;
    const doorId = unitDoor(c, comboUnit);
    const granted = await grantJane(c);
    await c.lockOn(doorId, (l) => l.sync === 'in_sync' && l.pendingSince === null);
    const slot = slotOf(c, granted.id, doorId);
    // The keypad's programming code clears the highest held slot: Jane's.
    await c.sim.fault(2, 'codes_changed_at_keypad');
    expect(await c.activity(/changed at its keypad/)).toBe(`North Tower 204’s lock reports slot ${slot} changed at its keypad; Porter puts back what the door should hold`);
    await waitFor(() => c.sim.lock(2).slot(slot).status === UserIDStatus.Enabled);
    expect(c.sim.lock(2).slot(slot).code).toBe(codeOf(c, granted.id));
    await c.lockOn(doorId, (l) => l.sync === 'in_sync' && l.pendingSince === null);
  });

  it('keeps a dead lock’s work pending, retried with backoff, shows a revoke not yet on the lock since when, and lands it when the lock is back', async () => {
    t = await openSimLockConsole([keypadDeadbolt({ nodeId: 2 })], { assign: { 2: 'door-north-204' } });
    const c = t;
    const doorId = unitDoor(c, comboUnit);
    const granted = await grantJane(c);
    await c.lockOn(doorId, (l) => l.sync === 'in_sync' && l.pendingSince === null);
    const slot = slotOf(c, granted.id, doorId);

    await c.sim.fault(2, 'dead');
    await c.call('access.revoke', { credentialId: granted.id });
    const waiting = await c.lockOn(doorId, (l) => l.sync === 'pending' && l.nextAttemptAt !== null);
    expect(waiting.problem).toMatch(/not answering/);
    expect(waiting.unreachedRevokes).toEqual([expect.objectContaining({ credentialId: granted.id, guestName: 'Jane Doe', slot })]);
    expect(Date.parse(waiting.unreachedRevokes[0]!.since)).not.toBeNaN();
    expect(c.sim.lock(2).slot(slot).status).toBe(UserIDStatus.Enabled);
    // A second try, waiting longer than the first.
    const attempts = () => c.db.prepare('SELECT attempts FROM live_lock_queue WHERE door_id = ?').pluck().get(doorId) as number | undefined;
    await waitFor(() => (attempts() ?? 0) >= 2);
    const again = await c.lockOn(doorId, (l) => l.sync === 'pending' && l.nextAttemptAt !== null);
    expect(again.pendingSince).toBe(waiting.pendingSince);

    await c.sim.fault(2, 'alive');
    await c.lockOn(doorId, (l) => l.sync === 'in_sync' && l.unreachedRevokes.length === 0 && l.pendingSince === null);
    expect(c.sim.lock(2).slot(slot).status).toBe(UserIDStatus.Available);
  });
});

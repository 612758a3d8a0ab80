import { afterEach, describe, expect, it } from 'vitest';
import { UserIDStatus } from 'zwave-js';
import { keypadDeadbolt } from '../../../../simulators/zwave/lock-spec';
import { comboUnit, keypadOnlyUnit } from '../../../helpers/test-console';
import { codeOf, openSimLockConsole, unitDoor, waitFor, type SimLockConsole } from './sim-lock-console';

let t: SimLockConsole | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

const guest = (i: number) => ({ name: `Guest ${String.fromCharCode(65 + i)}`, phone: `(312) 555-01${String(10 + i)}` });
const grant = (c: SimLockConsole, i: number, unitId = comboUnit) => c.call('access.grant', { unitId, kind: 'pin', audience: 'guest', schedule: { type: 'permanent' }, guest: guest(i) });

/** What the door should hold: slot → code, from the console's own records. */
const desired = (c: SimLockConsole, doorId: string): Map<number, string> =>
  new Map(
    (c.db.prepare('SELECT slot, credential_id AS id FROM door_credentials WHERE door_id = ?').all(doorId) as { slot: number; id: string }[]).map((r) => [r.slot, codeOf(c, r.id)]),
  );
/** What the console believes the lock reported holding: slot → credential. */
const reported = (c: SimLockConsole, doorId: string): Map<number, string | null> =>
  new Map(
    (c.db.prepare("SELECT slot, credential_id AS id FROM live_lock_slots WHERE door_id = ? AND state = 'enabled'").all(doorId) as { slot: number; id: string | null }[]).map((r) => [
      r.slot,
      r.id,
    ]),
  );
/** What the simulated lock really holds: slot → code. */
const onLock = (c: SimLockConsole, nodeId: number): Map<number, string> =>
  new Map([...c.sim.lock(nodeId).slots].filter(([, s]) => s.status === UserIDStatus.Enabled).map(([slot, s]) => [slot, s.code]));

describe('the Z-Wave stick pulled out in the middle of a long job, through zwave-js', () => {
  it('loses nothing: the unwritten codes stay pending, the stick is said gone in words, the console answers, and the rest lands once it is back', async () => {
    t = await openSimLockConsole([keypadDeadbolt({ nodeId: 2 }), keypadDeadbolt({ nodeId: 3 })]);
    const c = t;
    const doorId = unitDoor(c, comboUnit);
    const otherDoor = unitDoor(c, keypadOnlyUnit);
    // Eight codes granted before the lock is fitted: assigning it starts one long job writing them all.
    const total = 8;
    for (let i = 0; i < total; i++) await grant(c, i);
    expect(desired(c, doorId).size).toBe(total);
    // A second Z-Wave door with work of its own.
    for (let i = 0; i < 3; i++) await grant(c, 20 + i, keypadOnlyUnit);
    expect(desired(c, otherDoor).size).toBe(3);

    // The stick is pulled out right after the lock took its third code.
    const lock = c.sim.lock(2);
    const setSlot = lock.setSlot.bind(lock);
    let pulled: Promise<void> | null = null;
    lock.setSlot = (userId, status, code) => {
      setSlot(userId, status, code);
      if (!pulled && onLock(c, 2).size === 3) pulled = c.sim.unplug();
    };
    await c.call('hardware.assignLiveLock', { nodeId: 2, doorId });
    await c.call('hardware.assignLiveLock', { nodeId: 3, doorId: otherDoor });
    await waitFor(() => pulled);
    await pulled;

    // The Z-Wave section says, in words, that the stick is gone.
    const gone = await c.until((o) => o.state !== 'ready' && o.state !== 'opening' && o);
    // Said by the network as it closes, then by the next listing that no longer shows the stick.
    expect(['The Z-Wave stick is gone (it was unplugged). Porter looks for the stick again every few seconds.', 'The Z-Wave stick was unplugged.']).toContain(gone.message);
    expect(gone.network).toBeNull();

    // Nothing lost: the door stays pending, and the console believes no code the lock does not hold.
    const held = onLock(c, 2);
    expect(held.size).toBeLessThan(total);
    const wanted = desired(c, doorId);
    for (const [slot, code] of held) expect(wanted.get(slot)).toBe(code);
    for (const slot of reported(c, doorId).keys()) expect(held.has(slot)).toBe(true);
    expect(c.db.prepare('SELECT door_id FROM live_lock_queue WHERE door_id = ?').pluck().get(doorId)).toBe(doorId);
    const waiting = await c.lockOn(doorId, (l) => l.problem !== null);
    expect(waiting.sync).toBe('pending');
    expect(waiting.pendingSince).not.toBeNull();
    // The job cut short says why; a later try, with no stick, says the network is not open.
    expect(waiting.problem).toMatch(/^The Z-Wave (stick went away during the job|network is not open)/);

    // Every job in hand was cut short, not left hanging on the closed driver: no door is said in
    // sync unless its lock holds every code it should, and each door with work left says why.
    for (const [door, node] of [[doorId, 2], [otherDoor, 3]] as const) {
      const view = (await c.call('hardware.liveLocks', {})).locks.find((l) => l.door?.id === door)!;
      if (view.sync === 'in_sync') {
        expect(onLock(c, node)).toEqual(desired(c, door));
        continue;
      }
      expect(view.sync).toBe('pending');
      expect(view.problem).toMatch(/^The Z-Wave (stick went away during the job|network is not open)/);
    }

    // The console goes on: other commands still answer, and a grant made now is kept for the lock.
    expect((await c.call('activity.list', { limit: 5 })).entries.length).toBeGreaterThan(0);
    const late = await grant(c, total);
    expect(desired(c, doorId).size).toBe(total + 1);
    expect(c.sim.isPlugged()).toBe(false);

    // Plugged back in: the rest lands on its own, and the lock holds exactly the door's codes.
    c.sim.plug();
    const synced = await c.lockOn(doorId, (l) => l.sync === 'in_sync' && l.pendingSince === null);
    expect(synced.problem).toBeNull();
    expect(c.opens()).toBe(2);
    expect(onLock(c, 2)).toEqual(desired(c, doorId));
    expect(onLock(c, 2).size).toBe(total + 1);
    expect([...onLock(c, 2).values()]).toContain(codeOf(c, late.id));
    await c.lockOn(otherDoor, (l) => l.sync === 'in_sync' && l.pendingSince === null);
    expect(onLock(c, 3)).toEqual(desired(c, otherDoor));
    expect(onLock(c, 3).size).toBe(3);
    expect(c.db.prepare('SELECT COUNT(*) FROM live_lock_queue').pluck().get()).toBe(0);
  });
});

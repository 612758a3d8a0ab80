import { afterEach, describe, expect, it } from 'vitest';
import { basicDeadbolt, keypadDeadbolt } from '../../../../simulators/zwave/lock-spec';
import { openSimLockConsole, type SimLockConsole } from './sim-lock-console';

let t: SimLockConsole | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

/** Another PIN than the label's: each digit moved on by one. */
const wrongPin = (pin: string): string => pin.replace(/\d/g, (d) => String((Number(d) + 1) % 10));

async function startAdding(c: SimLockConsole, lock = keypadDeadbolt(), options: { failBootstrap?: boolean } = {}) {
  const offer = await c.sim.offerFactoryNewLock(lock, options);
  await c.call('hardware.includeLock', {});
  return offer;
}

/*
 * The simulated S2 lock repeats its encrypted KEX Set echo, each time under a fresh SPAN from
 * the stick's nonce, until the stick answers (as libs2 does): the technician may type the PIN
 * after the first echo went unread, however slow the machine.
 */
describe('adding and removing a Z-Wave lock through zwave-js on the simulated stick', () => {
  it('adds a lock with S2 Access Control once the technician types the PIN from its DSK label, and the training panel still shows the PIN while it waits', async () => {
    t = await openSimLockConsole([]);
    const c = t;
    const offer = await startAdding(c);
    const prompt = await c.until((o) => o.inclusion.state === 'waiting_for_pin' && o.inclusion);
    expect(prompt.dskHidden).toBe(`xxxxx${offer.view.dsk.slice(5)}`);
    // The label is still on the lock while the technician reads it.
    expect(c.sim.factoryNewLock()?.pin).toBe(offer.view.pin);

    await c.call('hardware.answerInclusionPin', { pin: offer.view.pin });
    const done = await c.until((o) => (o.inclusion.state === 'done' || o.inclusion.state === 'failed') && o.inclusion);
    expect(done).toMatchObject({ state: 'done', nodeId: await offer.included });
    expect(done.message).toMatch(/^Added .* as node \d+\. Assign it to its door\.$/);
    const lock = await c.until((o) => o.locks.find((l) => l.nodeId === done.nodeId));
    expect(lock.security).toBe('strong');
    expect(c.network().lock(done.nodeId!).info().security).toBe('strong');
    expect(await c.activity(/added Z-Wave lock/)).not.toMatch(/weaker/);
    expect(c.sim.factoryNewLock()).toBeNull();
  });

  it('refuses a wrong PIN with words that say so, and leaves no node behind', async () => {
    t = await openSimLockConsole([]);
    const c = t;
    const offer = await startAdding(c);
    await c.until((o) => o.inclusion.state === 'waiting_for_pin');
    await c.call('hardware.answerInclusionPin', { pin: wrongPin(offer.view.pin) });
    const failed = await c.until((o) => (o.inclusion.state === 'done' || o.inclusion.state === 'failed') && o.inclusion);
    expect(failed.state).toBe('failed');
    expect(failed.message).toBe(
      'The PIN did not match the lock’s DSK label, so the lock could not join securely. The lock left the network again: put it back in inclusion mode and add it again with the five digits printed on its label.',
    );
    expect((await c.call('hardware.liveLocks', {})).locks).toEqual([]);
    expect(c.network().locks()).toEqual([]);
    expect(c.sim.locks()).toEqual([]);
  });

  it('says in words when the lock gives up on S2 bootstrapping, and leaves no node behind', async () => {
    t = await openSimLockConsole([]);
    const c = t;
    const offer = await startAdding(c, keypadDeadbolt(), { failBootstrap: true });
    await c.until((o) => o.inclusion.state === 'waiting_for_pin');
    await c.call('hardware.answerInclusionPin', { pin: offer.view.pin });
    const failed = await c.until((o) => (o.inclusion.state === 'done' || o.inclusion.state === 'failed') && o.inclusion);
    expect(failed.state).toBe('failed');
    expect(failed.message).toBe('The lock could not join securely: the lock gave up on its security setup. The lock left the network again: put it back in inclusion mode and add it again.');
    expect((await c.call('hardware.liveLocks', {})).locks).toEqual([]);
    expect(c.network().locks()).toEqual([]);
    expect(c.sim.locks()).toEqual([]);
  });

  it('adds a lock that only does S0 and flags it as weaker, on the page and in the activity log', async () => {
    t = await openSimLockConsole([]);
    const c = t;
    const offer = await startAdding(c, basicDeadbolt());
    expect(offer.view.security).toBe('s0');
    const done = await c.until((o) => (o.inclusion.state === 'done' || o.inclusion.state === 'failed') && o.inclusion);
    expect(done.state).toBe('done');
    expect(done.message).toMatch(/without S2 security/);
    const lock = await c.until((o) => o.locks.find((l) => l.nodeId === done.nodeId));
    expect(lock.security).toBe('weak');
    expect(await c.activity(/added Z-Wave lock/)).toMatch(/S0 only: weaker/);
  });

  it('removes a lock put in exclusion mode, names its door on the page and in the activity log, and its door no longer has it', async () => {
    t = await openSimLockConsole([keypadDeadbolt({ nodeId: 2 })]);
    const c = t;
    const doorId = c.db.prepare("SELECT id FROM doors WHERE unit_id = 'north-204' AND kind = 'unit'").pluck().get() as string;
    await c.call('hardware.assignLiveLock', { nodeId: 2, doorId });
    await c.call('hardware.excludeLock', {});
    await c.until((o) => o.inclusion.state === 'waiting_for_exclusion');
    await c.sim.excludeLock(2);
    const done = await c.until((o) => (o.inclusion.state === 'done' || o.inclusion.state === 'failed') && o.inclusion);
    expect(done).toMatchObject({ state: 'done', nodeId: 2, message: 'Removed North Tower 204’s lock (node 2) from the network.' });
    await c.until((o) => o.locks.length === 0);
    expect(await c.activity(/removed .*node 2/)).toBe('Avery Brooks removed North Tower 204’s lock (node 2) from the Z-Wave network');
  });

  it('removes a lock on no door, naming its node', async () => {
    t = await openSimLockConsole([keypadDeadbolt({ nodeId: 2 })]);
    const c = t;
    await c.call('hardware.excludeLock', {});
    await c.until((o) => o.inclusion.state === 'waiting_for_exclusion');
    await c.sim.excludeLock(2);
    const done = await c.until((o) => (o.inclusion.state === 'done' || o.inclusion.state === 'failed') && o.inclusion);
    expect(done).toMatchObject({ state: 'done', nodeId: 2, message: 'Removed node 2 from the network.' });
    expect(await c.activity(/removed .*node 2/)).toBe('Avery Brooks removed node 2 from the Z-Wave network');
  });
});

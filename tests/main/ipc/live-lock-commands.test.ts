import { afterEach, describe, expect, it } from 'vitest';
import type { LiveNetworkOverview, StaffMember } from '../../../src/shared/domain';
import type { LiveLocks } from '../../../src/main/hardware/live-locks/live-locks';
import { createLiveLockHandlers } from '../../../src/main/ipc/live-lock-handlers';
import type { CallContext } from '../../../src/main/ipc/handlers-type';
import { openTestConsole, writeCounts, type TestConsole } from '../../helpers/test-console';

let t: TestConsole;
afterEach(() => t?.close());

const sam: StaffMember = { id: 'sam', name: 'Sam Ortiz', role: 'maintenance' };

describe('the Z-Wave commands through the contract', () => {
  it('a console without a Z-Wave link shows no stick and refuses every action, saying so, changing nothing', async () => {
    t = openTestConsole(sam, { hardware: 'off' });
    const before = writeCounts(t.db);
    expect(await t.core.dispatch('hardware.liveLocks', {})).toMatchObject({ ok: true, value: { state: 'no_stick', locks: [], network: null } });
    for (const [command, input] of [
      ['hardware.includeLock', {}],
      ['hardware.excludeLock', {}],
      ['hardware.stopInclusion', {}],
      ['hardware.answerInclusionPin', { pin: '12345' }],
      ['hardware.useStick', { path: '/dev/ttyACM0' }],
      ['hardware.assignLiveLock', { nodeId: 5, doorId: 'north-204-door' }],
    ] as const)
      expect(await t.core.dispatch(command, input), command).toMatchObject({
        ok: false,
        error: { code: 'not_allowed', message: 'This console has no Z-Wave stick: plug one in, then try again.' },
      });
    expect(writeCounts(t.db)).toEqual(before);
  });

  it('a PIN that is not five digits is refused as such, before anything reaches the lock', async () => {
    t = openTestConsole(sam, { hardware: 'off' });
    for (const pin of ['1234', '123456', '12a45', ' 12345', ''])
      expect(await t.core.dispatch('hardware.answerInclusionPin', { pin }), pin).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', field: 'pin', message: 'The PIN is the five digits underlined at the start of the lock’s DSK label' },
      });
  });

  it('a node id outside what Z-Wave allows is refused, naming the field', async () => {
    t = openTestConsole(sam, { hardware: 'off' });
    for (const [nodeId, words] of [[0, 'A node id is 1 or more'], [4001, 'A node id is at most 4000'], [2.5, 'A node id is a whole number']] as const)
      expect(await t.core.dispatch('hardware.assignLiveLock', { nodeId, doorId: 'north-204-door' })).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', field: 'nodeId', message: words },
      });
  });

  it('only maintenance technicians and admins may add, remove or assign Z-Wave locks', async () => {
    for (const operator of [{ id: 'jordan', name: 'Jordan Lee', role: 'leasing' as const }, { id: 'lobby-kiosk', name: 'Lobby kiosk', role: 'kiosk' as const }]) {
      t = openTestConsole(operator, { hardware: 'off' });
      for (const command of ['hardware.liveLocks', 'hardware.includeLock', 'hardware.excludeLock', 'hardware.stopInclusion'] as const)
        expect(await t.core.dispatch(command, {}), `${operator.role} ${command}`).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await t.core.dispatch('hardware.assignLiveLock', { nodeId: 5, doorId: 'north-204-door' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      await t.close();
    }
  });
});

/** A live-locks service that records what the handlers asked of it, answering a fixed overview. */
function recordingLiveLocks(overview: LiveNetworkOverview) {
  const calls: unknown[][] = [];
  const answer = (...call: unknown[]) => {
    calls.push(call);
    return overview;
  };
  const live: LiveLocks = {
    overview: () => overview,
    useStick: async (path) => answer('useStick', path),
    startInclusion: (actor) => answer('startInclusion', actor.name),
    answerPin: (pin) => answer('answerPin', pin),
    startExclusion: (actor) => answer('startExclusion', actor.name),
    stopInclusion: () => answer('stopInclusion'),
    assign: (nodeId, doorId, actor) => answer('assign', nodeId, doorId, actor.name),
    desiredChanged: () => undefined,
    doorsChanged: () => undefined,
    close: async () => undefined,
  };
  return { live, calls };
}

describe('the Z-Wave handlers', () => {
  const ready: LiveNetworkOverview = {
    sticks: [{ path: '/dev/ttyACM0', label: 'Zooz ZST10 700', simulated: false }],
    network: { protocol: 'zwave', networkId: 'e1f2a3b4', label: 'Zooz ZST10 700', path: '/dev/ttyACM0', simulated: false },
    state: 'ready',
    message: null,
    locks: [],
    inclusion: { state: 'waiting_for_pin', dskHidden: 'xxxxx-12345-23456-34567-45678-56789-01234-12345', message: null, nodeId: null },
  };
  const ctx: CallContext = { operator: sam, kiosk: false, source: 'test', signIn: () => undefined, signOut: () => undefined };

  it('pass each action to the service with who acts, and answer the network as it now is', async () => {
    const { live, calls } = recordingLiveLocks(ready);
    const handlers = createLiveLockHandlers(() => live);
    expect(await handlers['hardware.liveLocks']({}, ctx)).toBe(ready);
    await handlers['hardware.useStick']({ path: '/dev/ttyACM0' }, ctx);
    await handlers['hardware.includeLock']({}, ctx);
    await handlers['hardware.answerInclusionPin']({ pin: '48213' }, ctx);
    await handlers['hardware.answerInclusionPin']({ pin: null }, ctx);
    await handlers['hardware.excludeLock']({}, ctx);
    await handlers['hardware.stopInclusion']({}, ctx);
    expect(await handlers['hardware.assignLiveLock']({ nodeId: 7, doorId: 'north-204-door' }, ctx)).toBe(ready);
    expect(calls).toEqual([
      ['useStick', '/dev/ttyACM0'],
      ['startInclusion', 'Sam Ortiz'],
      ['answerPin', '48213'],
      ['answerPin', null],
      ['startExclusion', 'Sam Ortiz'],
      ['stopInclusion'],
      ['assign', 7, 'north-204-door', 'Sam Ortiz'],
    ]);
  });
});

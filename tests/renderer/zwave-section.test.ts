import { describe, expect, it } from 'vitest';
import type { InclusionView, LiveLockView, LiveNetworkOverview } from '../../src/shared/domain';
import { dskRest, inclusionStep, pinDigits, pinProblem } from '../../src/renderer/src/features/hardware/zwave/inclusion-steps';
import {
  batteryText,
  liveLockName,
  lockStatusWord,
  needsStick,
  networkStateWord,
  networkSummary,
  nextAttemptText,
  securityWord,
  signalOf,
  syncWord,
  unreachedRevokeText,
} from '../../src/renderer/src/features/hardware/zwave/live-lock-words';

/** The community's clock as the section formats it: here, plainly the instant's time. */
const time = (iso: string) => `at ${iso.slice(11, 16)}`;

const idle: InclusionView = { state: 'idle', dskHidden: null, message: null, nodeId: null };
const lock = (l: Partial<LiveLockView> = {}): LiveLockView => ({
  nodeId: 7,
  door: { id: 'north-204-door', name: 'North Tower 204', kind: 'unit' },
  manufacturer: 'Yale',
  product: 'Assure Lock 2',
  security: 'strong',
  status: 'alive',
  batteryPercent: 82,
  batteryLow: false,
  rssiDbm: -61,
  slots: { used: 3, total: 30 },
  sync: 'in_sync',
  pendingSince: null,
  nextAttemptAt: null,
  unreachedRevokes: [],
  problem: null,
  ...l,
});
const network = (o: Partial<LiveNetworkOverview> = {}): LiveNetworkOverview => ({
  sticks: [{ path: '/dev/ttyACM0', label: 'Zooz ZST10 700', simulated: false }],
  network: { protocol: 'zwave', networkId: 'e1f2a3b4', label: 'Zooz ZST10 700', path: '/dev/ttyACM0', simulated: false },
  state: 'ready',
  message: null,
  locks: [lock()],
  inclusion: idle,
  ...o,
});

describe('the stick', () => {
  it('with no stick, the section says what to plug in, and so it does when the one in use was unplugged', () => {
    const none = network({ sticks: [], network: null, state: 'no_stick', locks: [] });
    expect(needsStick(none)).toBe(true);
    expect(networkStateWord('no_stick')).toEqual({ text: 'No stick', tone: 'neutral' });
    expect(needsStick(network({ sticks: [], network: null, state: 'lost', message: 'The Z-Wave stick was unplugged.' }))).toBe(true);
    expect(networkStateWord('lost')).toEqual({ text: 'Stick lost', tone: 'bad' });
  });

  it('a ready network shows no plug-in notice and counts what needs a look', () => {
    expect(needsStick(network())).toBe(false);
    expect(networkStateWord('ready')).toEqual({ text: 'Ready', tone: 'good' });
    expect(networkSummary(network())).toBe('1 lock');
    const busy = network({
      locks: [
        lock(),
        lock({ nodeId: 8, sync: 'pending', pendingSince: '2030-03-04T14:05:00Z' }),
        lock({ nodeId: 9, sync: 'failed', batteryLow: true, batteryPercent: 9 }),
        lock({ nodeId: 10, door: null, sync: 'unknown' }),
      ],
    });
    expect(networkSummary(busy)).toBe('4 locks · 1 pending · 1 failed · 1 low battery · 1 not assigned');
  });
});

describe('a lock’s row', () => {
  it('in sync: S2, alive, its battery and signal', () => {
    const l = lock();
    expect(syncWord(l, time)).toEqual({ status: 'in_sync', text: 'In sync', tone: 'good', problem: null });
    expect(securityWord('strong')).toMatchObject({ text: 'S2', tone: 'good' });
    expect(lockStatusWord('alive')).toEqual({ text: 'Alive', tone: 'good' });
    expect(batteryText(l)).toBe('82 %');
    expect(signalOf(-61)).toEqual({ level: 'strong', word: 'Strong', dbm: '−61 dBm' });
    expect(nextAttemptText(l, time)).toBeNull();
    expect(liveLockName(l)).toBe('Yale Assure Lock 2 (node 7)');
  });

  it('pending: since when, and when a dead lock is tried next', () => {
    const l = lock({ sync: 'pending', status: 'dead', pendingSince: '2030-03-04T14:05:00Z', nextAttemptAt: '2030-03-04T14:07:30Z' });
    expect(syncWord(l, time)).toMatchObject({ status: 'pending', text: 'Pending since at 14:05', tone: 'warn' });
    expect(lockStatusWord('dead')).toEqual({ text: 'Dead', tone: 'bad' });
    expect(nextAttemptText(l, time)).toBe('at 14:07');
    const dead = 'The lock is not answering (the network marks it dead).';
    expect(syncWord({ ...l, problem: dead }, time)?.problem).toBe(dead);
  });

  it('failed: the problem in staff’s words', () => {
    const problem = 'The lock refused the code for slot 4: it already holds it in slot 9.';
    expect(syncWord(lock({ sync: 'failed', problem }), time)).toEqual({ status: 'failed', text: 'Failed', tone: 'bad', problem });
    expect(syncWord(lock({ sync: 'failed', problem: null }), time)?.problem).toBe('The lock refused a change; Porter tries again.');
  });

  it('a revoked code still on the lock names the guest and since when', () => {
    const revoke = { credentialId: 'cred_1', guestName: 'Jane Doe', slot: 4, since: '2030-03-04T09:30:00Z' };
    expect(unreachedRevokeText(revoke, time)).toBe('Revoked code for Jane Doe not yet removed, since at 09:30');
  });

  it('an S0 lock is flagged weaker, one without security refused, and unknowns say so', () => {
    expect(securityWord('weak')).toMatchObject({ text: 'S0 — weaker', tone: 'warn' });
    expect(securityWord('none')).toMatchObject({ text: 'None', tone: 'bad' });
    expect(signalOf(null)).toBeNull();
    expect(batteryText(lock({ batteryPercent: null }))).toBeNull();
  });

  it('a lock not yet assigned has no sync to show', () => {
    expect(syncWord(lock({ door: null, sync: 'unknown' }), time)).toBeNull();
    expect(liveLockName(lock({ manufacturer: '', product: '' }))).toBe('Node 7');
    // A product that already names its maker is not named twice.
    expect(liveLockName(lock({ manufacturer: 'Simulated', product: 'Simulated keypad deadbolt' }))).toBe('Simulated keypad deadbolt (node 7)');
  });
});

describe('adding a lock', () => {
  it('waits for the lock, then asks for the PIN beside the rest of the DSK', () => {
    expect(inclusionStep('include', { ...idle, state: 'waiting_for_lock' }, null)).toMatchObject({ kind: 'waiting', progress: 'Waiting for the lock', stoppable: true });
    const prompt = { ...idle, state: 'waiting_for_pin' as const, dskHidden: 'xxxxx-23456-34567-45678-56789-01234-12345-23456' };
    expect(inclusionStep('include', prompt, null)).toMatchObject({ kind: 'pin', stoppable: true, progress: null });
    expect(dskRest(prompt.dskHidden)).toEqual(['23456', '34567', '45678', '56789', '01234', '12345', '23456']);
    expect(dskRest(null)).toEqual([]);
  });

  it('a PIN that is not five digits is refused before it is sent, saying why', () => {
    expect(pinProblem('')).toBe('Type the five digits from the lock’s DSK label.');
    expect(pinProblem('1234')).toBe('The PIN is five digits; this has 4.');
    expect(pinProblem('123456')).toBe('The PIN is five digits; this has 6.');
    expect(pinProblem('12a45')).toBe('The PIN has digits only: the five underlined at the start of the DSK.');
    expect(pinProblem('123 45')).toBeNull();
    expect(pinDigits('123-45')).toBe('12345');
  });

  it('shows progress while the keys are exchanged, then the lock added, or the failure in the core’s words', () => {
    expect(inclusionStep('include', { ...idle, state: 'adding' }, null)).toMatchObject({ kind: 'working', progress: 'Adding the lock', stoppable: false });
    expect(inclusionStep('include', { ...idle, state: 'done', nodeId: 7 }, lock({ door: null }))).toMatchObject({
      kind: 'done',
      text: 'Yale Assure Lock 2 (node 7) was added. Assign it to its door: its codes follow at once.',
    });
    const weak = 'Added Kwikset 914 as node 9. Assign it to its door. It joined without S2 security: its traffic is less protected.';
    expect(inclusionStep('include', { ...idle, state: 'done', nodeId: 9, message: weak }, null).text).toBe(weak);
    for (const message of ['Wrong PIN: the lock did not accept it. Check the five digits on its label and add it again.', 'S2 security failed: the lock joined without its keys and was removed again.', 'The lock did not answer in time.'])
      expect(inclusionStep('include', { ...idle, state: 'failed', message }, null)).toEqual({ kind: 'failed', text: message, progress: null, stoppable: false });
  });

  it('removing waits for the lock’s removal, then names the node removed', () => {
    expect(inclusionStep('exclude', { ...idle, state: 'waiting_for_exclusion' }, null)).toMatchObject({ kind: 'waiting', stoppable: true });
    expect(inclusionStep('exclude', { ...idle, state: 'done', nodeId: 12 }, null).text).toBe('Node 12 was removed from the network.');
    expect(inclusionStep('exclude', { ...idle, state: 'failed' }, null).text).toBe('The lock was not removed.');
  });
});

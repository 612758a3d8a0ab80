import { CommandClasses } from '@zwave-js/core';
import { ccCaps } from '@zwave-js/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveLockNetwork } from '../../../../src/main/devices/live/live-lock-network';
import { zwaveNetwork } from '../../../../src/main/devices/zwave/zwave-network';
import { lockCommandClasses, startMockStick, type MockStick } from './mock-stick';

const anyone = { userType: 'unrestricted_user' as const, weekDaySchedules: [], yearDaySchedules: [] };

/** A Schlage-like lock: every code must have the length its "User Code PIN Length" setting holds (here 6). */
const schlageLike = { id: 5, userCodeVersion: 1 as const, slots: 30 };
const plain = { id: 6, userCodeVersion: 1 as const, slots: 30 };

describe('the code length a Z-Wave lock takes', () => {
  let stick: MockStick;
  let network: LiveLockNetwork;
  beforeAll(async () => {
    stick = await startMockStick([
      {
        ...schlageLike,
        commandClasses: [
          ...lockCommandClasses(schlageLike),
          ccCaps({
            ccId: CommandClasses.Configuration,
            isSupported: true,
            version: 4,
            parameters: [{ '#': 16, valueSize: 1, name: 'User Code PIN Length', minValue: 4, maxValue: 8, defaultValue: 6 }],
          }),
        ],
      },
      plain,
    ]);
    network = zwaveNetwork(stick.driver, { path: '/dev/mock-zwave', label: 'Test stick', simulated: true });
  });
  afterAll(async () => {
    await network.close();
    await stick.stop();
  });

  it('comes from the lock’s own PIN length setting where it has one', () => {
    expect(network.lock(5).info().capabilities?.pinLength).toEqual({ min: 6, max: 6 });
  });

  it('is User Code CC’s 4 to 10 for a lock that says nothing of it', () => {
    expect(network.lock(6).info().capabilities?.pinLength).toEqual({ min: 4, max: 10 });
  });

  it('refuses, in words and without sending it, a code of another length than the lock’s setting', async () => {
    const outcomes = await network.lock(5).writeCodes([
      { slot: 1, code: '1234', user: anyone },
      { slot: 2, code: '482913', user: anyone },
    ]);
    expect(outcomes[0]).toEqual({ slot: 1, outcome: 'refused', detail: 'a code is exactly 6 digits on this lock' });
    expect(outcomes[1]).toEqual({ slot: 2, outcome: 'written', detail: null });
    expect((await network.lock(5).readCodes()).find((c) => c.slot === 1)?.state).toBe('available');
  });
});

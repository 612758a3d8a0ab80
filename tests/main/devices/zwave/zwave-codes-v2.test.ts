import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { LiveLockNetwork } from '../../../../src/main/devices/live/live-lock-network';
import { zwaveNetwork } from '../../../../src/main/devices/zwave/zwave-network';
import { bulkCapabilities, frameCounter, refusingLock } from './lock-behaviours';
import { CommandClasses } from '@zwave-js/core';
import { ccCaps } from '@zwave-js/testing';
import { lockCommandClasses, startMockStick, type MockStick } from './mock-stick';

const anyone = { userType: 'unrestricted_user' as const, weekDaySchedules: [], yearDaySchedules: [] };
const counter = frameCounter();

describe('a User Code v2 lock through zwave-js', () => {
  let stick: MockStick;
  let network: LiveLockNetwork;
  beforeAll(async () => {
    const scheduled = { id: 4, userCodeVersion: 2 as const, slots: 10 };
    stick = await startMockStick(
      [
        { id: 3, userCodeVersion: 2, slots: 30 },
        {
          ...scheduled,
          commandClasses: [
            ...lockCommandClasses(scheduled),
            ccCaps({ ccId: CommandClasses['Schedule Entry Lock'], isSupported: true, version: 3, numWeekDaySlots: 3, numYearDaySlots: 1, numDailyRepeatingSlots: 0 }),
          ],
        },
      ],
      undefined,
      (node) => {
        if (node.id === 3) node.defineBehavior(counter.behaviour, bulkCapabilities, refusingLock(30));
      },
    );
    network = zwaveNetwork(stick.driver, { path: '/dev/mock-zwave', label: 'Test stick', simulated: true });
  });
  afterAll(async () => {
    await network.close();
    await stick.stop();
  });
  beforeEach(async () => {
    // Each test starts from an empty lock.
    await network.lock(3).clearCodes(Array.from({ length: 29 }, (_, i) => i + 1));
    counter.counts.clear();
  });

  it('reports bulk sets, the checksum and keypad modes from the interview', () => {
    expect(network.locks()[0]!.capabilities).toMatchObject({ slots: 30, bulkCodes: true, tableChecksum: true, keypadModes: ['normal', 'vacation'] });
  });

  it('writes many codes in few frames and confirms them with one checksum', async () => {
    const lock = network.lock(3);
    await lock.readCodes();
    counter.counts.clear();
    const codes = Array.from({ length: 12 }, (_, i) => ({ slot: i + 1, code: String(100000 + i * 7919), user: anyone }));
    const outcomes = await lock.writeCodes(codes);
    expect(outcomes.every((o) => o.outcome === 'written')).toBe(true);
    const sets = counter.counts.get('UserCodeCCExtendedUserCodeSet') ?? 0;
    expect(sets).toBeGreaterThan(0);
    expect(sets).toBeLessThan(12);
    // Confirmed by the checksum, not slot by slot.
    expect(counter.counts.get('UserCodeCCGet') ?? 0).toBe(0);
    expect(counter.counts.get('UserCodeCCUserCodeChecksumGet')).toBe(1);
  });

  it('computes the checksum the lock itself reports', async () => {
    const lock = network.lock(3);
    const codes = [
      { slot: 2, code: '482913', user: anyone },
      { slot: 7, code: '1234', user: anyone },
      { slot: 29, code: '9876543210', user: anyone },
    ];
    await lock.writeCodes(codes);
    const lockSays = await lock.codesChecksum();
    expect(lockSays).not.toBe(0);
    expect(lock.checksumOf(codes)).toBe(lockSays);
    expect(lock.checksumOf([])).toBe(0);
    expect(lock.checksumOf(codes.slice(1))).not.toBe(lockSays);
  });

  it('reads the table once, then only the checksum while nothing changed', async () => {
    const lock = network.lock(3);
    await lock.writeCodes([{ slot: 5, code: '55555', user: anyone }]);
    const first = await lock.readCodes();
    expect(first.find((c) => c.slot === 5)).toEqual({ slot: 5, state: 'enabled', code: '55555' });
    counter.counts.clear();
    const again = await lock.readCodes();
    expect(again).toEqual(first);
    expect(counter.counts.get('UserCodeCCGet') ?? 0).toBe(0);
    expect(counter.counts.get('UserCodeCCUserCodeChecksumGet')).toBe(1);
  });

  it('reports a code another slot holds as a duplicate, and a slot the lock refuses as refused', async () => {
    const lock = network.lock(3);
    await lock.writeCodes([{ slot: 1, code: '246810', user: anyone }]);
    const outcomes = await lock.writeCodes([
      { slot: 2, code: '246810', user: anyone },
      { slot: 30, code: '135791', user: anyone },
      { slot: 3, code: '112233', user: anyone },
    ]);
    expect(outcomes[0]).toMatchObject({ slot: 2, outcome: 'duplicate' });
    expect(outcomes[0]!.detail).toMatch(/slot 1/);
    expect(outcomes[1]).toMatchObject({ slot: 30, outcome: 'refused' });
    expect(outcomes[1]!.detail).toBeTruthy();
    expect(outcomes[2]).toEqual({ slot: 3, outcome: 'written', detail: null });
  });

  it('stops between frames when the job is cancelled', async () => {
    const controller = new AbortController();
    controller.abort(new Error('cancelled by staff'));
    await expect(network.lock(3).writeCodes([{ slot: 4, code: '4444', user: anyone }], controller.signal)).rejects.toThrow(/cancelled by staff/);
    expect(counter.counts.get('UserCodeCCExtendedUserCodeSet') ?? 0).toBe(0);
  });

  it('writes a weekly schedule as week-day entries before its code, and says how the lock runs it', async () => {
    const lock = network.lock(4);
    expect(network.locks().find((l) => l.nodeId === 4)!.capabilities!.schedules).toEqual({ weekDay: 3, yearDay: 1, dailyRepeating: 0 });
    const weekdays = {
      userType: 'week_day_schedule_user' as const,
      // Monday and Wednesday, 09:00 to 17:30.
      weekDaySchedules: [{ daysMask: 0b0001010, startHour: 9, startMinute: 0, endHour: 17, endMinute: 30 }],
      yearDaySchedules: [],
    };
    expect(lock.scheduleFit(weekdays)).toMatchObject({ by: 'lock', why: null });
    expect(await lock.writeCodes([{ slot: 2, code: '778899', user: weekdays }])).toEqual([{ slot: 2, outcome: 'written', detail: null }]);
    const api = stick.driver.controller.nodes.get(4)!.commandClasses['Schedule Entry Lock'];
    expect(await api.getWeekDaySchedule({ userId: 2, slotId: 1 })).toMatchObject({ weekday: 1, startHour: 9, startMinute: 0, stopHour: 17, stopMinute: 30 });
    expect(await api.getWeekDaySchedule({ userId: 2, slotId: 2 })).toMatchObject({ weekday: 3, startHour: 9, stopHour: 17 });
    expect(await api.getWeekDaySchedule({ userId: 2, slotId: 3 })).toBeUndefined();
  });
});

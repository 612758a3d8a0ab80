import { UserIDStatus } from 'zwave-js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { LiveLock } from '../../../../src/main/devices/live/live-lock-network';
import type { LockUser } from '../../../../src/shared/domain/matter-door-lock';
import { keypadDeadbolt } from '../../../../simulators/zwave/lock-spec';
import { scheduleKey } from '../../../../simulators/zwave/sim-lock-state';
import type { SimulatedStick } from '../../../../simulators/zwave/simulated-stick';
import { openFrameCountingLock, type FrameCountingLock } from './frame-counting-lock';

/*
 * Unscheduled codes on a lock with Schedule Entry Lock: each needs its user's schedules
 * disabled. On a lock holding no code, one Enable All Set does it for all of them.
 */

const LOCK = 2;
const anyone: LockUser = { userType: 'unrestricted_user', weekDaySchedules: [], yearDaySchedules: [] };
const weekdayMornings: LockUser = { userType: 'week_day_schedule_user', weekDaySchedules: [{ daysMask: 0b011_1110, startHour: 8, startMinute: 0, endHour: 9, endMinute: 0 }], yearDaySchedules: [] };
let stick: SimulatedStick;
let counted: FrameCountingLock;
let lock: LiveLock;
const sent = new Map<string, number>();

beforeAll(async () => {
  counted = await openFrameCountingLock(keypadDeadbolt({ nodeId: LOCK }), sent);
  ({ stick, lock } = counted);
});

afterAll(() => counted?.close());

beforeEach(() => {
  counted.clearSlots();
});

const codes = (n: number) => Array.from({ length: n }, (_, i) => ({ slot: i + 1, code: String(500_000 + i * 7_919), user: anyone }));

describe('unscheduled codes on a lock that keeps schedules', () => {
  it('on an empty lock, disables every user’s schedules in one frame, and a slot’s leftover schedule no longer holds its new code back', async () => {
    // Slot 3 kept an enabled week-day entry (a minute tomorrow) from a guest long gone: its code is cleared, its schedule is not.
    const state = stick.controls.lock(LOCK);
    const tomorrow = (new Date().getUTCDay() + 1) % 7;
    state.weekDay.set(scheduleKey(3, 1), { weekday: tomorrow, startHour: 3, startMinute: 0, stopHour: 3, stopMinute: 1 });
    state.scheduled.add(3);
    expect(await lock.codesChecksum([])).toBe(0);
    sent.clear();
    const outcomes = await lock.writeCodes([...codes(10), { slot: 11, code: '918273', user: weekdayMornings }]);
    expect(outcomes.every((o) => o.outcome === 'written')).toBe(true);
    expect(sent.get('ScheduleEntryLockCCEnableAllSet')).toBe(1);
    // Only the scheduled user's own enable.
    expect(sent.get('ScheduleEntryLockCCEnableSet')).toBe(1);
    expect(state.scheduled.has(11)).toBe(true);
    expect(await stick.controls.pressKeypad(LOCK, codes(10)[2]!.code)).toEqual({ opened: true, slot: 3 });
  });

  it('on a lock that holds a code, disables each unscheduled user on its own, leaving the held code’s schedule alone', async () => {
    const state = stick.controls.lock(LOCK);
    state.setSlot(40, UserIDStatus.Enabled, '777111');
    state.scheduled.add(40);
    // (The simulator cannot answer a multi-slot read: the table is made known by its checksum.)
    expect(await lock.codesChecksum([{ slot: 40, code: '777111' }])).toBe(lock.checksumOf([{ slot: 40, code: '777111' }]));
    sent.clear();
    const outcomes = await lock.writeCodes(codes(4));
    expect(outcomes.every((o) => o.outcome === 'written')).toBe(true);
    expect(sent.get('ScheduleEntryLockCCEnableAllSet') ?? 0).toBe(0);
    expect(sent.get('ScheduleEntryLockCCEnableSet')).toBe(4);
    expect(state.scheduled.has(40)).toBe(true);
  });
});

import type { MockController, MockNode, MockNodeBehavior, MockNodeResponse } from '@zwave-js/testing';
import {
  ScheduleEntryLockCCDailyRepeatingScheduleGet,
  ScheduleEntryLockCCDailyRepeatingScheduleReport,
  ScheduleEntryLockCCDailyRepeatingScheduleSet,
  ScheduleEntryLockCCEnableAllSet,
  ScheduleEntryLockCCEnableSet,
  ScheduleEntryLockCCSupportedGet,
  ScheduleEntryLockCCSupportedReport,
  ScheduleEntryLockCCTimeOffsetGet,
  ScheduleEntryLockCCTimeOffsetReport,
  ScheduleEntryLockCCTimeOffsetSet,
  ScheduleEntryLockCCWeekDayScheduleGet,
  ScheduleEntryLockCCWeekDayScheduleReport,
  ScheduleEntryLockCCWeekDayScheduleSet,
  ScheduleEntryLockCCYearDayScheduleGet,
  ScheduleEntryLockCCYearDayScheduleReport,
  ScheduleEntryLockCCYearDayScheduleSet,
  ScheduleEntryLockSetAction,
} from 'zwave-js';
import { scheduleKey, type SimLockState } from '../sim-lock-state';
import type { LockStateOf } from './lock-of';

/**
 * Schedule Entry Lock CC against the lock's own tables, so a keypad press can honour them.
 * zwave-js's mock keeps schedules but ignores Enable Set; here a user's schedules restrict
 * their code only while enabled (Enable Set / Enable All Set). A user or slot beyond what the
 * lock keeps fails.
 */
export function scheduleEntryLockBehaviors(lockOf: LockStateOf): MockNodeBehavior[] {
  const handle = (controller: MockController, self: MockNode, cc: unknown): MockNodeResponse | undefined => {
    const lock = lockOf(self);
    const to = controller.ownNodeId;
    const { weekDay, yearDay, dailyRepeating } = lock.spec.schedules;
    if (weekDay + yearDay + dailyRepeating === 0) return undefined;
    const validUser = (userId: number) => userId >= 1 && userId <= lock.spec.userCode.slots;
    const valid = (userId: number, slotId: number, slots: number) => validUser(userId) && slotId >= 1 && slotId <= slots;

    if (cc instanceof ScheduleEntryLockCCSupportedGet) {
      return { action: 'sendCC', cc: new ScheduleEntryLockCCSupportedReport({ nodeId: to, numWeekDaySlots: weekDay, numYearDaySlots: yearDay, numDailyRepeatingSlots: dailyRepeating }) };
    }
    if (cc instanceof ScheduleEntryLockCCEnableSet) {
      if (!validUser(cc.userId)) return { action: 'fail' };
      setEnabled(lock, cc.userId, cc.enabled);
      return { action: 'ok' };
    }
    if (cc instanceof ScheduleEntryLockCCEnableAllSet) {
      for (let userId = 1; userId <= lock.spec.userCode.slots; userId += 1) setEnabled(lock, userId, cc.enabled);
      return { action: 'ok' };
    }
    if (cc instanceof ScheduleEntryLockCCTimeOffsetSet) {
      // zwave-js gives the DST offset whole (standard plus the frame's DST minutes); the lock keeps the DST minutes.
      lock.timeOffset = { standardMinutes: cc.standardOffset, dstMinutes: cc.dstOffset - cc.standardOffset };
      return { action: 'ok' };
    }
    if (cc instanceof ScheduleEntryLockCCTimeOffsetGet) {
      return { action: 'sendCC', cc: new ScheduleEntryLockCCTimeOffsetReport({ nodeId: to, standardOffset: lock.timeOffset.standardMinutes, dstOffset: lock.timeOffset.standardMinutes + lock.timeOffset.dstMinutes }) };
    }
    if (cc instanceof ScheduleEntryLockCCWeekDayScheduleSet) {
      if (!valid(cc.userId, cc.slotId, weekDay)) return { action: 'fail' };
      const key = scheduleKey(cc.userId, cc.slotId);
      if (cc.action === ScheduleEntryLockSetAction.Erase) lock.weekDay.delete(key);
      else lock.weekDay.set(key, { weekday: cc.weekday!, startHour: cc.startHour!, startMinute: cc.startMinute!, stopHour: cc.stopHour!, stopMinute: cc.stopMinute! });
      return { action: 'ok' };
    }
    if (cc instanceof ScheduleEntryLockCCWeekDayScheduleGet) {
      if (!valid(cc.userId, cc.slotId, weekDay)) return { action: 'fail' };
      const schedule = lock.weekDay.get(scheduleKey(cc.userId, cc.slotId));
      return { action: 'sendCC', cc: new ScheduleEntryLockCCWeekDayScheduleReport(schedule ? { nodeId: to, userId: cc.userId, slotId: cc.slotId, ...schedule } : { nodeId: to, userId: cc.userId, slotId: cc.slotId }) };
    }
    if (cc instanceof ScheduleEntryLockCCYearDayScheduleSet) {
      if (!valid(cc.userId, cc.slotId, yearDay)) return { action: 'fail' };
      const key = scheduleKey(cc.userId, cc.slotId);
      if (cc.action === ScheduleEntryLockSetAction.Erase) lock.yearDay.delete(key);
      else {
        lock.yearDay.set(key, {
          startYear: cc.startYear!, startMonth: cc.startMonth!, startDay: cc.startDay!, startHour: cc.startHour!, startMinute: cc.startMinute!,
          stopYear: cc.stopYear!, stopMonth: cc.stopMonth!, stopDay: cc.stopDay!, stopHour: cc.stopHour!, stopMinute: cc.stopMinute!,
        });
      }
      return { action: 'ok' };
    }
    if (cc instanceof ScheduleEntryLockCCYearDayScheduleGet) {
      if (!valid(cc.userId, cc.slotId, yearDay)) return { action: 'fail' };
      const schedule = lock.yearDay.get(scheduleKey(cc.userId, cc.slotId));
      return { action: 'sendCC', cc: new ScheduleEntryLockCCYearDayScheduleReport(schedule ? { nodeId: to, userId: cc.userId, slotId: cc.slotId, ...schedule } : { nodeId: to, userId: cc.userId, slotId: cc.slotId }) };
    }
    if (cc instanceof ScheduleEntryLockCCDailyRepeatingScheduleSet) {
      if (!valid(cc.userId, cc.slotId, dailyRepeating)) return { action: 'fail' };
      const key = scheduleKey(cc.userId, cc.slotId);
      if (cc.action === ScheduleEntryLockSetAction.Erase) lock.dailyRepeating.delete(key);
      else {
        lock.dailyRepeating.set(key, {
          weekdays: cc.weekdays!, startHour: cc.startHour!, startMinute: cc.startMinute!, durationHour: cc.durationHour!, durationMinute: cc.durationMinute!,
        });
      }
      return { action: 'ok' };
    }
    if (cc instanceof ScheduleEntryLockCCDailyRepeatingScheduleGet) {
      if (!valid(cc.userId, cc.slotId, dailyRepeating)) return { action: 'fail' };
      const schedule = lock.dailyRepeating.get(scheduleKey(cc.userId, cc.slotId));
      return { action: 'sendCC', cc: new ScheduleEntryLockCCDailyRepeatingScheduleReport(schedule ? { nodeId: to, userId: cc.userId, slotId: cc.slotId, ...schedule } : { nodeId: to, userId: cc.userId, slotId: cc.slotId }) };
    }
    return undefined;
  };
  return [{ handleCC: handle }];
}

function setEnabled(lock: SimLockState, userId: number, enabled: boolean): void {
  if (enabled) lock.scheduled.add(userId);
  else lock.scheduled.delete(userId);
}

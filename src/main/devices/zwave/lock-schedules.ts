import { CommandClasses, SupervisionStatus, isSupervisionResult } from '@zwave-js/core';
import type { LiveLockCapabilities } from '../live/live-lock-network';
import { lockApi } from './lock-commands';
import { fitSchedule, scheduleEntries } from './schedule-entries';
import type { LockSchedules } from './zwave-lock';

const hasSchedules = (caps: LiveLockCapabilities): boolean => caps.schedules.weekDay + caps.schedules.yearDay + caps.schedules.dailyRepeating > 0;

/**
 * Schedules on Z-Wave locks through Schedule Entry Lock CC: how the lock runs a user
 * (`fitSchedule`) and its entries (`scheduleEntries`), both from schedule-entries.ts. A slot's
 * entries are written before its code, so a code never reaches a lock without the schedule
 * that restricts it: the kind's slots in order, the kind's other slots erased (an earlier,
 * longer schedule's leftovers), then the user's schedules enabled. A user with no schedule has
 * its schedules disabled, which leaves the code to User Code CC alone.
 */
export const zwaveSchedules: LockSchedules = {
  fit: (user, caps) => fitSchedule(user, caps.schedules),
  async disableAll(node, caps) {
    if (!hasSchedules(caps) || !node.supportsCC(CommandClasses['Schedule Entry Lock'])) return false;
    const result = await lockApi(node, 'Schedule Entry Lock').setEnabled(false);
    return !(isSupervisionResult(result) && result.status === SupervisionStatus.Fail);
  },
  async write(node, slot, user, caps, signal, allDisabled = false) {
    if (!hasSchedules(caps) || !node.supportsCC(CommandClasses['Schedule Entry Lock'])) return;
    const api = lockApi(node, 'Schedule Entry Lock');
    const entries = scheduleEntries(user, caps.schedules);
    if (entries.kind === null) {
      if (!allDisabled) await api.setEnabled(false, slot);
      return;
    }
    const count = entries.kind === 'week_day' ? caps.schedules.weekDay : entries.kind === 'year_day' ? caps.schedules.yearDay : caps.schedules.dailyRepeating;
    for (let index = 0; index < count; index += 1) {
      signal?.throwIfAborted();
      const at = { userId: slot, slotId: index + 1 };
      if (entries.kind === 'week_day') await api.setWeekDaySchedule(at, entries.weekDay[index]);
      else if (entries.kind === 'year_day') await api.setYearDaySchedule(at, entries.yearDay[index]);
      else await api.setDailyRepeatingSchedule(at, entries.dailyRepeating[index]);
    }
    await api.setEnabled(true, slot);
  },
};


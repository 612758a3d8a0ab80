import type { LockSchedules } from './zwave-lock';

/**
 * Schedules on Z-Wave locks. Until Porter compiles schedules to Schedule Entry Lock, every
 * schedule is Porter's own: the lock holds the code unscheduled, and Porter adds and removes
 * it at the right times.
 */
export const zwaveSchedules: LockSchedules = {
  fit: (user) =>
    user.weekDaySchedules.length === 0 && user.yearDaySchedules.length === 0
      ? { by: 'lock', write: user, why: null }
      : { by: 'porter', write: { ...user, weekDaySchedules: [], yearDaySchedules: [] }, why: 'Porter adds and removes this code at its times.' },
  write: async () => {},
};

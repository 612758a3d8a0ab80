import { Temporal } from 'temporal-polyfill';
import type { Schedule } from '../../../shared/domain/schedule';
import { phaseAt, scheduleBounds } from './schedule-bounds';
import { fromDate, wallClockAt, weekdayOf } from './wall-clock';

/**
 * Would the credential open the door at this instant, by its schedule alone (not whether it
 * was revoked or used)? A recurring schedule is open inside its bounds, on its days, from
 * `from` up to but not including `until`, read on the community's wall clock: 09:00-11:00
 * stays 09:00-11:00 on both sides of a DST change.
 */
export function isOpenAt(schedule: Schedule, zone: string, at: Date): boolean {
  if (phaseAt(scheduleBounds(schedule, zone), at) !== 'within') return false;
  if (schedule.type !== 'recurring') return true;
  const local = wallClockAt(fromDate(at), zone);
  const time = local.toPlainTime();
  return (
    schedule.days.includes(weekdayOf(local)) &&
    Temporal.PlainTime.compare(time, Temporal.PlainTime.from(schedule.from)) >= 0 &&
    Temporal.PlainTime.compare(time, Temporal.PlainTime.from(schedule.until)) < 0
  );
}

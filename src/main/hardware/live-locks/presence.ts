import { Temporal } from 'temporal-polyfill';
import type { Schedule } from '../../../shared/domain/schedule';
import type { ScheduleFit } from '../../devices/live/live-lock-network';
import { isOpenAt } from '../../access/schedule/is-open-at';
import { phaseAt, scheduleBounds } from '../../access/schedule/schedule-bounds';
import { fromDate, toDate } from '../../access/schedule/wall-clock';

/**
 * Whether a credential's code should be on a live lock now, and when that next changes (the
 * service sets a timer for that instant and recomputes then; it also recomputes at start, so a
 * window that opened or closed while the console was off is caught up at once).
 *
 * What Porter keeps in time depends on how the lock runs the schedule (`ScheduleFit`):
 * - 'porter': the lock holds the code unscheduled, so the code is on the lock exactly while the
 *   schedule is open (isOpenAt, the same rule the console uses everywhere);
 * - 'both' for a recurring schedule: the lock keeps the weekly window, Porter the first and last
 *   day, so the code is on the lock from 00:00 on the first day to the end of the last window;
 * - 'lock', and 'both' for a delivery (the lock keeps its window, Porter removes it once used):
 *   the lock guards the start itself, so the code goes on at once and comes off at the end,
 *   freeing the slot.
 */
export interface Presence {
  present: boolean;
  nextChangeAt: Temporal.Instant | null;
}

export function presence(schedule: Schedule, fit: ScheduleFit, zone: string, now: Temporal.Instant): Presence {
  const bounds = scheduleBounds(schedule, zone);
  const boundsCandidates = [bounds.startsAt, bounds.endsAt].filter((d): d is Date => d !== null).map(fromDate);
  if (fit.by === 'porter') {
    const open = (at: Temporal.Instant) => isOpenAt(schedule, zone, toDate(at));
    if (schedule.type !== 'recurring') return timeline(open, now, (week) => (week === 0 ? boundsCandidates : null));
    const firstDay = bounds.startsAt && bounds.startsAt > toDate(now) ? fromDate(bounds.startsAt) : now;
    const lastDay = bounds.endsAt ? fromDate(bounds.endsAt) : null;
    return timeline(open, now, (week) => {
      const from = firstDay.add({ hours: week * weekHours });
      if (lastDay && Temporal.Instant.compare(from, lastDay) > 0) return null;
      return [...boundsCandidates, ...wallClockTurns(schedule, zone, from)];
    });
  }
  const within = (at: Temporal.Instant) => phaseAt(bounds, toDate(at)) === 'within';
  const notOver = (at: Temporal.Instant) => phaseAt(bounds, toDate(at)) !== 'after';
  const open = fit.by === 'both' && schedule.type === 'recurring' ? within : notOver;
  return timeline(open, now, (week) => (week === 0 ? boundsCandidates : null));
}

const weekHours = 7 * 24;
/** Weeks searched ahead for a flip; a week always has one unless a zone skipped a whole day. */
const weeksSearched = 6;

/**
 * The answer at `now` and the first candidate after it where the answer differs. `candidates`
 * must hold every instant where `open` can change within a week's search (null: nothing later).
 */
function timeline(
  open: (at: Temporal.Instant) => boolean,
  now: Temporal.Instant,
  candidates: (week: number) => Temporal.Instant[] | null,
): Presence {
  const present = open(now);
  for (let week = 0; week < weeksSearched; week++) {
    const batch = candidates(week);
    if (!batch) break;
    const later = batch.filter((c) => Temporal.Instant.compare(c, now) > 0).sort(Temporal.Instant.compare);
    const flip = later.find((c) => open(c) !== present);
    if (flip) return { present, nextChangeAt: flip };
  }
  return { present, nextChangeAt: null };
}

/**
 * Every instant in the eight days around `from` at which a recurring schedule's answer can
 * change: the wall clock reaching the window's start, its end or midnight (both passes of a
 * repeated hour), and the zone's transitions, where the wall clock jumps into or out of a window.
 */
function wallClockTurns(schedule: Extract<Schedule, { type: 'recurring' }>, zone: string, from: Temporal.Instant): Temporal.Instant[] {
  const start = from.toZonedDateTimeISO(zone).toPlainDate().subtract({ days: 1 });
  const times = [schedule.from, schedule.until, '00:00'].map((t) => Temporal.PlainTime.from(t));
  const turns: Temporal.Instant[] = [];
  for (let day = 0; day <= 8; day++) {
    const date = start.add({ days: day });
    for (const time of times)
      for (const disambiguation of ['earlier', 'later'] as const)
        turns.push(date.toPlainDateTime(time).toZonedDateTime(zone, { disambiguation }).toInstant());
  }
  const end = start.add({ days: 9 }).toZonedDateTime({ timeZone: zone }).toInstant();
  let transition = start.toZonedDateTime({ timeZone: zone }).getTimeZoneTransition('next');
  while (transition && Temporal.Instant.compare(transition.toInstant(), end) < 0) {
    turns.push(transition.toInstant());
    transition = transition.getTimeZoneTransition('next');
  }
  return turns;
}

import type { Schedule, ScheduleRequest } from '../../../shared/domain/schedule';
import { formatLocalDateTime, fromDate, instantOf, parseLocalDateTime, wallClockAt, wallClockNotBefore } from './wall-clock';

export interface ResolveContext {
  /** The community's IANA zone. */
  zone: string;
  now: Date;
  /** From the community's guidelines: how long a delivery code stays open. */
  deliveryWindowMinutes: number;
}

/**
 * Turns what staff asked for into what the credential holds. Only a delivery changes: it
 * starts now unless a start was typed, and its end is fixed at grant time.
 *
 * The window is elapsed time, not wall-clock time: a 60-minute code started at 01:30 on the
 * night clocks spring forward ends at 03:30, one real hour later. The end is then written as
 * wall-clock text like every other schedule time (see wallClockNotBefore for the one hour a
 * year that text cannot name exactly).
 */
export function resolveSchedule(request: ScheduleRequest, ctx: ResolveContext): Schedule {
  if (request.type !== 'delivery') return request;
  const start = request.starts
    ? instantOf(parseLocalDateTime(request.starts), ctx.zone)
    : fromDate(ctx.now).round({ smallestUnit: 'minute', roundingMode: 'trunc' });
  const end = start.add({ minutes: ctx.deliveryWindowMinutes });
  return {
    type: 'delivery',
    starts: request.starts ?? formatLocalDateTime(wallClockAt(start, ctx.zone)),
    ends: formatLocalDateTime(wallClockNotBefore(end, ctx.zone)),
  };
}

import { assertNever } from '../../../shared/errors';
import type { Schedule } from '../../../shared/domain/schedule';
import { instantOf, localDateAt, parseLocalDateTime, toDate } from './wall-clock';

/** When access first begins and finally ends; null means "since always" or "until revoked". */
export interface ScheduleBounds {
  startsAt: Date | null;
  endsAt: Date | null;
}

/**
 * The instants a credential's schedule spans. These are stored with the credential so lists
 * can sort and filter on them; the schedule itself stays as typed.
 * A recurring schedule runs from 00:00 on its first day to the end of the window on its last.
 */
export function scheduleBounds(schedule: Schedule, zone: string): ScheduleBounds {
  switch (schedule.type) {
    case 'permanent':
      return { startsAt: null, endsAt: null };
    case 'temporary':
    case 'delivery':
      return {
        startsAt: toDate(instantOf(parseLocalDateTime(schedule.starts), zone)),
        endsAt: toDate(instantOf(parseLocalDateTime(schedule.ends), zone)),
      };
    case 'recurring':
      return {
        startsAt: schedule.startsOn ? toDate(instantOf(localDateAt(schedule.startsOn), zone)) : null,
        endsAt: schedule.endsOn ? toDate(instantOf(localDateAt(schedule.endsOn, schedule.until), zone)) : null,
      };
    default:
      return assertNever(schedule, 'schedule');
  }
}

/** Where `at` falls against the bounds: before them, inside, or at/after their end. */
export function phaseAt(bounds: ScheduleBounds, at: Date): 'before' | 'within' | 'after' {
  if (bounds.startsAt && at.getTime() < bounds.startsAt.getTime()) return 'before';
  if (bounds.endsAt && at.getTime() >= bounds.endsAt.getTime()) return 'after';
  return 'within';
}

import type { CalendarDate, CalendarDateTime, Time } from '@internationalized/date';
import type { AccessType, Schedule, ScheduleRequest, Weekday } from '../../../../../shared/domain';
import { assertNever } from '../../../../../shared/errors';
import {
  fromLocalDate,
  fromLocalDateTime,
  fromLocalTime,
  toLocalDate,
  toLocalDateTime,
  toLocalTime,
} from '../../../components/wall-clock';

/**
 * What the schedule fields hold while staff fill them: every type's fields at once, so
 * switching type and back keeps what was typed. Values are wall-clock, in the community's zone.
 */
export interface ScheduleDraft {
  type: AccessType;
  temporary: { starts: CalendarDateTime | null; ends: CalendarDateTime | null };
  recurring: {
    days: Weekday[];
    from: Time | null;
    until: Time | null;
    startsOn: CalendarDate | null;
    endsOn: CalendarDate | null;
  };
  /** A delivery starts when granted unless staff pick a later start. */
  delivery: { startsLater: boolean; starts: CalendarDateTime | null };
}

/** Fresh fields: a temporary stay from now to the same time tomorrow, a 9-to-5 weekly window. */
export function newScheduleDraft(type: AccessType, now: CalendarDateTime): ScheduleDraft {
  return {
    type,
    temporary: { starts: now, ends: now.add({ days: 1 }) },
    recurring: { days: [], from: fromLocalTime('09:00'), until: fromLocalTime('17:00'), startsOn: null, endsOn: null },
    delivery: { startsLater: false, starts: now.add({ hours: 1 }).set({ minute: 0 }) },
  };
}

/** The fields of a credential's current schedule, for "Edit dates". */
export function draftFromSchedule(schedule: Schedule, now: CalendarDateTime): ScheduleDraft {
  const draft = newScheduleDraft(schedule.type, now);
  switch (schedule.type) {
    case 'permanent':
      return draft;
    case 'temporary':
      return { ...draft, temporary: { starts: fromLocalDateTime(schedule.starts), ends: fromLocalDateTime(schedule.ends) } };
    case 'recurring':
      return {
        ...draft,
        recurring: {
          days: [...schedule.days],
          from: fromLocalTime(schedule.from),
          until: fromLocalTime(schedule.until),
          startsOn: schedule.startsOn ? fromLocalDate(schedule.startsOn) : null,
          endsOn: schedule.endsOn ? fromLocalDate(schedule.endsOn) : null,
        },
      };
    case 'delivery': {
      const starts = fromLocalDateTime(schedule.starts);
      return { ...draft, delivery: { startsLater: starts.compare(now) > 0, starts } };
    }
    default:
      return assertNever(schedule, 'schedule');
  }
}

/** What to send the core; null while a required field is empty (the form's validation says which). */
export function toScheduleRequest(draft: ScheduleDraft): ScheduleRequest | null {
  switch (draft.type) {
    case 'permanent':
      return { type: 'permanent' };
    case 'temporary': {
      const { starts, ends } = draft.temporary;
      return starts && ends ? { type: 'temporary', starts: toLocalDateTime(starts), ends: toLocalDateTime(ends) } : null;
    }
    case 'recurring': {
      const { days, from, until, startsOn, endsOn } = draft.recurring;
      if (!from || !until || days.length === 0) return null;
      return {
        type: 'recurring',
        days,
        from: toLocalTime(from),
        until: toLocalTime(until),
        ...(startsOn ? { startsOn: toLocalDate(startsOn) } : {}),
        ...(endsOn ? { endsOn: toLocalDate(endsOn) } : {}),
      };
    }
    case 'delivery': {
      const { startsLater, starts } = draft.delivery;
      if (!startsLater) return { type: 'delivery' };
      return starts ? { type: 'delivery', starts: toLocalDateTime(starts) } : null;
    }
    default:
      return assertNever(draft.type, 'access type');
  }
}

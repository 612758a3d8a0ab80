import { Temporal } from 'temporal-polyfill';
import type { CredentialKind, LockCapabilities, ScheduleRequest } from '../../shared/domain';

/** The wall-clock time in `zone`, `plusHours` after `at`, as a schedule writes it. */
export function localDateTime(at: Date, zone: string, plusHours = 0): string {
  const t = Temporal.Instant.fromEpochMilliseconds(at.getTime() + plusHours * 3_600_000).toZonedDateTimeISO(zone);
  return t.toPlainDateTime().toString({ smallestUnit: 'minute' });
}

/**
 * A realistic mix for the demo: mostly permanent access, some temporary stays (past,
 * current and coming), dog walkers and cleaners on weekly windows, and deliveries.
 * Only types the unit's lock can hold are chosen.
 */
export function demoSchedule(i: number, kind: CredentialKind, kinds: LockCapabilities['scheduleKinds'], zone: string, at: Date): ScheduleRequest {
  const pick = i % 10;
  if (pick < 2 && kinds.includes('year_day')) {
    const startIn = (i % 3) * 24 - 24; // started yesterday, starts now, or starts tomorrow
    return { type: 'temporary', starts: localDateTime(at, zone, startIn), ends: localDateTime(at, zone, startIn + 24 * (2 + (i % 12))) };
  }
  if (pick === 2 && kinds.includes('week_day'))
    return { type: 'recurring', days: i % 2 ? ['mon', 'wed', 'fri'] : ['tue', 'thu'], from: '11:00', until: '13:00' };
  if (pick === 3 && kind === 'pin' && kinds.includes('one_time')) return { type: 'delivery' };
  return { type: 'permanent' };
}

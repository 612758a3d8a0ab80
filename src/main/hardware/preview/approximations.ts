import { Temporal } from 'temporal-polyfill';
import { weekdays, type Approximation, type Schedule } from '../../../shared/domain';
import type { ScheduleFit } from '../../devices/live/live-lock-network';
import { date, dateTime, dayNames, time } from '../../../shared/describe-schedule';

const at = (text: string) => dateTime(Temporal.PlainDateTime.from(text));
const on = (text: string) => date(Temporal.PlainDate.from(text));
const clock = (text: string) => time(Temporal.PlainTime.from(text));

/** What Porter does for a schedule it keeps whole: adds and removes the code at its times, in the community's wall-clock time. */
function porterKeepsAll(schedule: Schedule): string {
  switch (schedule.type) {
    case 'permanent':
      return 'Porter adds the code now and removes it when it is revoked';
    case 'temporary':
      return `Porter adds the code at ${at(schedule.starts)} and removes it at ${at(schedule.ends)}`;
    case 'recurring': {
      const days = weekdays.filter((d) => schedule.days.includes(d)).map((d) => dayNames[d]).join(', ');
      const from = schedule.startsOn ? ` from ${on(schedule.startsOn)}` : '';
      const to = schedule.endsOn ? ` to ${on(schedule.endsOn)}` : '';
      return `Porter adds the code at ${clock(schedule.from)} and removes it at ${clock(schedule.until)} on ${days}${from}${to}`;
    }
    case 'delivery':
      return `Porter adds the code at ${at(schedule.starts)} and removes it at ${at(schedule.ends)}, or once it has been used`;
  }
}

/** Porter's part when the lock keeps the window: the first and last day of a weekly one, or a one-time code's use. */
function porterKeepsPart(schedule: Schedule): string {
  if (schedule.type === 'delivery') return `Porter removes the code once it has been used (the lock closes it at ${at(schedule.ends)} anyway)`;
  if (schedule.type !== 'recurring') return porterKeepsAll(schedule);
  const first = schedule.startsOn ? on(schedule.startsOn) : null;
  const last = schedule.endsOn ? on(schedule.endsOn) : null;
  if (first && last) return `Porter adds the code on ${first} and removes it after ${last}`;
  if (first) return `Porter adds the code on ${first}`;
  return `Porter removes the code after ${last}`;
}

/** The cause in a fit's explanation ("This lock keeps no dated schedules: Porter adds…"), as a sentence. */
function cause(why: string): string {
  const head = why.split(': ')[0]!;
  return head.endsWith('.') ? head : `${head}.`;
}

/** What the lock cannot represent, in words, and how Porter makes up for it; none when the lock runs it whole. */
export function approximationsOf(fit: ScheduleFit, schedule: Schedule): Approximation[] {
  if (fit.by === 'lock' || fit.why === null) return [];
  return [{ what: cause(fit.why), porterDoes: fit.by === 'both' ? porterKeepsPart(schedule) : porterKeepsAll(schedule) }];
}

import { Temporal } from 'temporal-polyfill';
import type { Today } from '../store/unit-filter';
import type { AccessContext } from './access-context';

/** Now, and when today ends in the community's time zone (its next local midnight). */
export function today(ctx: Pick<AccessContext, 'now' | 'community'>): Today {
  const now = ctx.now();
  const local = Temporal.Instant.fromEpochMilliseconds(now.getTime()).toZonedDateTimeISO(ctx.community().timeZone);
  const midnight = local.toPlainDate().add({ days: 1 }).toZonedDateTime(ctx.community().timeZone);
  return { now: now.toISOString(), todayEnd: new Date(midnight.epochMilliseconds).toISOString() };
}

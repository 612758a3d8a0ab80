import { z } from 'zod';

/**
 * Wall-clock times in the community's IANA time zone. A schedule is kept as the staff
 * member typed it, not as an instant, so 09:00-11:00 stays 09:00-11:00 across a DST change.
 */
export const LocalDate = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'must be a date like 2026-03-14');
export const LocalTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time like 09:30');
export const LocalDateTime = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d$/, 'must be a date and time like 2026-03-14T09:30');

export const Weekday = z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);
export type Weekday = z.infer<typeof Weekday>;
export const weekdays = Weekday.options;

const Permanent = z.object({ type: z.literal('permanent') }).strict();
/** From one date and time to another. */
const Temporary = z.object({ type: z.literal('temporary'), starts: LocalDateTime, ends: LocalDateTime }).strict();
/** Some days of the week, in a daily window, optionally between two dates (e.g. a dog walker). */
const Recurring = z
  .object({
    type: z.literal('recurring'),
    days: z.array(Weekday).min(1, 'Choose at least one day').max(7),
    from: LocalTime,
    until: LocalTime,
    startsOn: LocalDate.optional(),
    endsOn: LocalDate.optional(),
  })
  .strict();
/** A one-time code: it stops after its first use, and anyway when the community's window closes. */
const Delivery = z.object({ type: z.literal('delivery'), starts: LocalDateTime.optional() }).strict();

/** What staff ask for. A delivery without a start starts now. */
export const ScheduleRequest = z.discriminatedUnion('type', [Permanent, Temporary, Recurring, Delivery]);
export type ScheduleRequest = z.infer<typeof ScheduleRequest>;

/** What a credential holds: a delivery's start and end are fixed when it is granted. */
export const Schedule = z.discriminatedUnion('type', [
  Permanent,
  Temporary,
  Recurring,
  z.object({ type: z.literal('delivery'), starts: LocalDateTime, ends: LocalDateTime }).strict(),
]);
export type Schedule = z.infer<typeof Schedule>;

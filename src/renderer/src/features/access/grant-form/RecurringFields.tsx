import type { CalendarDate } from '@internationalized/date';
import { DatePickerField } from '../../../components/DatePickerField';
import { TimeInputField } from '../../../components/TimeInputField';
import { WeekdayField } from '../../../components/WeekdayField';
import type { FormErrors } from './form-errors';
import { recurringDatesUnavailable, type GrantLimits } from './grant-options';
import type { ScheduleDraft } from './schedule-draft';

interface Props {
  limits: GrantLimits;
  value: ScheduleDraft['recurring'];
  onChange: (value: ScheduleDraft['recurring']) => void;
  errors: FormErrors;
}

/** Some days of the week in a daily window (a dog walker, a cleaner), optionally between two dates. */
export function RecurringFields({ limits, value, onChange, errors }: Props) {
  const set = (patch: Partial<ScheduleDraft['recurring']>) => onChange({ ...value, ...patch });
  const noDates = recurringDatesUnavailable(limits);
  return (
    <>
      <WeekdayField label="Days" value={value.days} onChange={(days) => set({ days })} errorMessage={errors.at('schedule.days')} />
      <div className="form-row">
        <TimeInputField label="From" value={value.from} onChange={(from) => set({ from })} isRequired errorMessage={errors.at('schedule.from')} />
        <TimeInputField label="Until" value={value.until} onChange={(until) => set({ until })} isRequired errorMessage={errors.at('schedule.until')} />
      </div>
      <div className="form-row">
        <DatePickerField<CalendarDate>
          label="First day"
          granularity="day"
          value={value.startsOn}
          onChange={(startsOn) => set({ startsOn })}
          isDisabled={Boolean(noDates)}
          description={noDates ?? 'Leave empty to start now'}
          errorMessage={errors.at('schedule.startsOn')}
        />
        <DatePickerField<CalendarDate>
          label="Last day"
          granularity="day"
          value={value.endsOn}
          onChange={(endsOn) => set({ endsOn })}
          isDisabled={Boolean(noDates)}
          description={noDates ? undefined : 'Leave empty to repeat until revoked'}
          errorMessage={errors.at('schedule.endsOn')}
        />
      </div>
    </>
  );
}

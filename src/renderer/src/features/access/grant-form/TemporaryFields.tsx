import type { CalendarDateTime } from '@internationalized/date';
import { DatePickerField } from '../../../components/DatePickerField';
import type { FormErrors } from './form-errors';
import type { GrantLimits } from './grant-options';
import type { ScheduleDraft } from './schedule-draft';

interface Props {
  limits: GrantLimits;
  value: ScheduleDraft['temporary'];
  onChange: (value: ScheduleDraft['temporary']) => void;
  errors: FormErrors;
}

/** From one date and time to another, at most the guidelines' number of days. */
export function TemporaryFields({ limits, value, onChange, errors }: Props) {
  return (
    <div className="form-row">
      <DatePickerField<CalendarDateTime>
        label="Starts"
        granularity="minute"
        value={value.starts}
        onChange={(starts) => onChange({ ...value, starts })}
        isRequired
        requiredMessage="Enter when access starts."
        errorMessage={errors.at('schedule.starts')}
      />
      <DatePickerField<CalendarDateTime>
        label="Ends"
        granularity="minute"
        value={value.ends}
        onChange={(ends) => onChange({ ...value, ends })}
        isRequired
        requiredMessage="Enter when access ends."
        description={`At most ${limits.guidelines.maxTemporaryDays} days after the start`}
        errorMessage={errors.at('schedule.ends')}
      />
    </div>
  );
}

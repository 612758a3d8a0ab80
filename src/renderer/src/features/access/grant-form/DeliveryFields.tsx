import type { CalendarDateTime } from '@internationalized/date';
import { ChoiceField } from '../../../components/ChoiceField';
import { DatePickerField } from '../../../components/DatePickerField';
import { formatMinutes } from '../../../components/wall-clock';
import type { FormErrors } from './form-errors';
import type { GrantLimits } from './grant-options';
import type { ScheduleDraft } from './schedule-draft';

interface Props {
  limits: GrantLimits;
  value: ScheduleDraft['delivery'];
  onChange: (value: ScheduleDraft['delivery']) => void;
  errors: FormErrors;
}

const startOptions = [
  { id: 'now', label: 'Now' },
  { id: 'later', label: 'Later' },
] as const;

/** A one-time code: it starts now unless staff pick a later start, and stays open for the community's window. */
export function DeliveryFields({ limits, value, onChange, errors }: Props) {
  const { deliveryWindowMinutes, deliveryOpens } = limits.guidelines;
  const doors =
    deliveryOpens === 'common_only'
      ? 'the building entrance, gates and package room (not the unit door)'
      : 'the unit door and the building’s common doors';
  return (
    <>
      <div className="form-row">
        <ChoiceField
          label="Starts"
          size="compact"
          options={startOptions}
          value={value.startsLater ? 'later' : 'now'}
          onChange={(when) => onChange({ ...value, startsLater: when === 'later' })}
        />
        {value.startsLater && (
          <DatePickerField<CalendarDateTime>
            label="Start time"
            granularity="minute"
            value={value.starts}
            onChange={(starts) => onChange({ ...value, starts })}
            isRequired
            requiredMessage="Enter when the code starts."
            errorMessage={errors.at('schedule.starts')}
          />
        )}
      </div>
      <p className="form-section__note">
        The code opens {doors} once, within <strong>{formatMinutes(deliveryWindowMinutes)}</strong> of its start.
      </p>
      {!value.startsLater && errors.at('schedule.starts') && (
        <p className="field__error" role="alert">
          {errors.at('schedule.starts')}
        </p>
      )}
    </>
  );
}

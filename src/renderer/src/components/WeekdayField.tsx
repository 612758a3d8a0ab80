import { Checkbox, CheckboxGroup, FieldError, Label } from 'react-aria-components';
import { weekdays, type Weekday } from '../../../shared/domain';
import { weekdayNames } from './labels';
import './date-fields.css';
import './fields.css';

interface Props {
  label: string;
  value: readonly Weekday[];
  onChange: (days: Weekday[]) => void;
  /** A refusal the core gave for the days. */
  errorMessage?: string;
}

/** Days of the week as a row of toggle pills; each is a checkbox named by the day's full name. */
export function WeekdayField({ label, value, onChange, errorMessage }: Props) {
  return (
    <CheckboxGroup
      className="field"
      value={[...value]}
      onChange={(days) => onChange(weekdays.filter((d) => days.includes(d)))}
      isRequired
      isInvalid={errorMessage ? true : undefined}
      validate={(days) => (days.length === 0 ? 'Choose at least one day.' : null)}
    >
      <Label className="field__label">{label}</Label>
      <div className="weekdays">
        {weekdays.map((day) => (
          <Checkbox key={day} value={day} className="weekday" aria-label={weekdayNames[day].long}>
            <span aria-hidden="true">{weekdayNames[day].short}</span>
          </Checkbox>
        ))}
      </div>
      <FieldError className="field__error">{errorMessage}</FieldError>
    </CheckboxGroup>
  );
}

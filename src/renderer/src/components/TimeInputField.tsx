import type { Time } from '@internationalized/date';
import { DateInput, DateSegment, FieldError, Label, TimeField } from 'react-aria-components';
import { useLiveValidation } from './useLiveValidation';
import './date-fields.css';
import './fields.css';

interface Props {
  label: string;
  value: Time | null;
  onChange: (value: Time | null) => void;
  isRequired?: boolean;
  /** A refusal the core gave for this field. */
  errorMessage?: string;
}

/** A wall-clock time of day, to the minute, as hour, minute and AM/PM segments. */
export function TimeInputField({ label, value, onChange, isRequired, errorMessage }: Props) {
  const problem = isRequired && !value ? `Enter a time for ${label.toLowerCase()}.` : null;
  const live = useLiveValidation(problem, errorMessage);
  return (
    <TimeField<Time>
      className="field date-field"
      value={value}
      onChange={onChange}
      isRequired={isRequired}
      isInvalid={live.isInvalid}
      validate={() => problem}
    >
      <Label className="field__label">{label}</Label>
      <DateInput className="date-field__group date-field__group--time">
        {(segment) => <DateSegment segment={segment} className="date-field__segment" />}
      </DateInput>
      <FieldError className="field__error">{live.message}</FieldError>
      {live.watch}
    </TimeField>
  );
}

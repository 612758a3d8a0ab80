import type { CalendarDate, CalendarDateTime } from '@internationalized/date';
import {
  Button,
  Calendar,
  CalendarCell,
  CalendarGrid,
  DateInput,
  DatePicker,
  DateSegment,
  Dialog,
  FieldError,
  Group,
  Heading,
  Label,
  Popover,
  Text,
} from 'react-aria-components';
import { useLiveValidation } from './useLiveValidation';
import './date-fields.css';
import './fields.css';

interface Props<T extends CalendarDate | CalendarDateTime> {
  label: string;
  /** 'minute' for a date and time (CalendarDateTime), 'day' for a date (CalendarDate). */
  granularity: 'day' | 'minute';
  value: T | null;
  onChange: (value: T | null) => void;
  isRequired?: boolean;
  isDisabled?: boolean;
  description?: string;
  /** A refusal the core gave for this field. */
  errorMessage?: string;
  /** Shown when a required field is left empty. */
  requiredMessage?: string;
}

/**
 * A wall-clock date (CalendarDate) or date and time (CalendarDateTime, to the minute) with a
 * calendar popover. No time zone is applied: the value is what staff typed, in the
 * community's zone, which the form names next to the fields.
 */
export function DatePickerField<T extends CalendarDate | CalendarDateTime>(props: Props<T>) {
  const { label, granularity, value, onChange, isRequired, isDisabled, description, errorMessage, requiredMessage } = props;
  const problem = isRequired && !value ? (requiredMessage ?? `Enter ${label.toLowerCase()}.`) : null;
  const live = useLiveValidation(problem, errorMessage);
  return (
    <DatePicker<T>
      className="field date-field"
      value={value}
      onChange={(next) => onChange(next as T | null)}
      granularity={granularity}
      hideTimeZone
      isRequired={isRequired}
      isDisabled={isDisabled}
      isInvalid={live.isInvalid}
      validate={() => problem}
    >
      <Label className="field__label">
        {label}
        {!isRequired && <span className="field__optional"> (optional)</span>}
      </Label>
      <Group className="date-field__group">
        <DateInput className="date-field__input">
          {(segment) => <DateSegment segment={segment} className="date-field__segment" />}
        </DateInput>
        <Button className="date-field__button">
          <span className="date-field__calendar-icon" aria-hidden="true" />
        </Button>
      </Group>
      {description && (
        <Text slot="description" className="field__description">
          {description}
        </Text>
      )}
      <FieldError className="field__error">{live.message}</FieldError>
      {live.watch}
      <Popover className="select__popover calendar-popover" placement="bottom start">
        <Dialog className="calendar-dialog">
          <Calendar className="calendar">
            <header className="calendar__header">
              <Button slot="previous" className="icon-button">
                <span aria-hidden="true">‹</span>
              </Button>
              <Heading className="calendar__heading" />
              <Button slot="next" className="icon-button">
                <span aria-hidden="true">›</span>
              </Button>
            </header>
            <CalendarGrid className="calendar__grid">
              {(date) => <CalendarCell date={date} className="calendar__cell" />}
            </CalendarGrid>
          </Calendar>
        </Dialog>
      </Popover>
    </DatePicker>
  );
}

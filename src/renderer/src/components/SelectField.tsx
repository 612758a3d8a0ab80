import type { Key } from 'react-aria-components';
import { Button, Label, ListBox, ListBoxItem, Popover, Select, SelectValue } from 'react-aria-components';
import './fields.css';

export interface SelectOption {
  id: string;
  label: string;
}

interface Props {
  label: string;
  options: readonly SelectOption[];
  value: string;
  onChange: (id: string) => void;
  isDisabled?: boolean;
}

/** A labelled React Aria select: keyboard, type-ahead and screen readers come with it. */
export function SelectField({ label, options, value, onChange, isDisabled }: Props) {
  return (
    <Select
      className="field field--select"
      value={value}
      onChange={(key: Key | null) => key !== null && onChange(String(key))}
      isDisabled={isDisabled}
    >
      <Label className="field__label">{label}</Label>
      <Button className="select__button">
        <SelectValue className="select__value" />
        <span className="select__chevron" aria-hidden="true" />
      </Button>
      <Popover className="select__popover">
        <ListBox className="select__list" items={options}>
          {(option) => (
            <ListBoxItem className="select__option" id={option.id} textValue={option.label}>
              {option.label}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </Select>
  );
}

/**
 * A SelectField as it looks before it is drawn for real: the same label and button showing the
 * chosen option, in the same place, but inert (neither focusable nor announced, as if absent)
 * until the page swaps in the SelectField a moment later (useAfterFirstPaint).
 */
export function SelectFieldPreview({ label, options, value }: Props) {
  return (
    <div className="field field--select" inert>
      <span className="field__label">{label}</span>
      <button type="button" className="select__button" tabIndex={-1}>
        <span className="select__value">{options.find((option) => option.id === value)?.label}</span>
        <span className="select__chevron" aria-hidden="true" />
      </button>
    </div>
  );
}

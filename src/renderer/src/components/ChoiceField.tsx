import { FieldError, Label, Radio, RadioGroup } from 'react-aria-components';
import './fields.css';

export interface ChoiceOption<T extends string> {
  id: T;
  label: string;
  description?: string;
  /** Why it cannot be chosen: the option is shown disabled, with this in place of its description. */
  unavailable?: string | null;
}

interface Props<T extends string> {
  label: string;
  options: readonly ChoiceOption<T>[];
  value: T;
  onChange: (value: T) => void;
  /** A refusal the core gave for this choice. */
  errorMessage?: string;
  /** 'compact': labels only on one line, for two or three short choices. */
  size?: 'regular' | 'compact';
}

/** A labelled group of radio choices laid out as segmented options. */
export function ChoiceField<T extends string>({ label, options, value, onChange, errorMessage, size = 'regular' }: Props<T>) {
  return (
    <RadioGroup
      className={size === 'compact' ? 'field choice choice--compact' : 'field choice'}
      value={value}
      onChange={(next) => onChange(next as T)}
      orientation="horizontal"
      isInvalid={errorMessage ? true : undefined}
    >
      <Label className="field__label">{label}</Label>
      <div className="choice__options">
        {options.map((option) => (
          <Radio key={option.id} value={option.id} className="choice__option" isDisabled={Boolean(option.unavailable)}>
            <span className="choice__mark" aria-hidden="true" />
            <span className="choice__text">
              <span className="choice__label">{option.label}</span>
              {(option.unavailable || option.description) && (
                <span className="choice__description">{option.unavailable || option.description}</span>
              )}
            </span>
          </Radio>
        ))}
      </div>
      <FieldError className="field__error">{errorMessage}</FieldError>
    </RadioGroup>
  );
}

import { Label, Radio, RadioGroup } from 'react-aria-components';
import './fields.css';

interface Props<T extends string> {
  label: string;
  /** An option with `unavailable` set is shown disabled, with that reason in place of its description. */
  options: readonly { id: T; label: string; description?: string; unavailable?: string }[];
  value: T;
  onChange: (value: T) => void;
}

/** A labelled group of radio choices laid out as segmented options. */
export function ChoiceField<T extends string>({ label, options, value, onChange }: Props<T>) {
  return (
    <RadioGroup className="field choice" value={value} onChange={(next) => onChange(next as T)} orientation="horizontal">
      <Label className="field__label">{label}</Label>
      <div className="choice__options">
        {options.map((option) => (
          <Radio key={option.id} value={option.id} className="choice__option" isDisabled={Boolean(option.unavailable)}>
            <span className="choice__mark" aria-hidden="true" />
            <span className="choice__text">
              <span className="choice__label">{option.label}</span>
              {(option.unavailable ?? option.description) && (
                <span className="choice__description">{option.unavailable ?? option.description}</span>
              )}
            </span>
          </Radio>
        ))}
      </div>
    </RadioGroup>
  );
}

import { useState } from 'react';
import { FieldError, Input, Label, Text, TextField } from 'react-aria-components';
import { useLiveValidation } from './useLiveValidation';

interface Props {
  label: string;
  value: number;
  onChange: (value: number) => void;
  /** The core's limit: the field takes no more digits than it has. */
  maxValue: number;
  description?: string;
  errorMessage?: string;
  /** The input's width, by the form it sits in. */
  inputClassName?: string;
}

/**
 * A whole number typed as text and passed on as it is typed (NaN while it is not a number, which
 * the core refuses in words), so a click elsewhere never races a commit on blur. The one number
 * field of the console: a form's Save is blocked while the text is not a whole number.
 */
export function WholeNumberField({ label, value, onChange, maxValue, description, errorMessage, inputClassName }: Props) {
  const [text, setText] = useState(String(value));
  const live = useLiveValidation(/^\d+$/.test(text.trim()) ? null : 'Enter a whole number.', errorMessage);
  return (
    <TextField
      className="field"
      value={text}
      onChange={(next) => {
        setText(next);
        onChange(/^\d+$/.test(next.trim()) ? Number(next.trim()) : Number.NaN);
      }}
      inputMode="numeric"
      isRequired
      validate={(typed) => (/^\d+$/.test(typed.trim()) ? null : 'Enter a whole number.')}
      isInvalid={live.isInvalid}
    >
      <Label className="field__label">{label}</Label>
      <Input className={`field__input ${inputClassName ?? ''}`} maxLength={String(maxValue).length} />
      {description && (
        <Text slot="description" className="field__description">
          {description}
        </Text>
      )}
      <FieldError className="field__error">{live.message}</FieldError>
      {live.watch}
    </TextField>
  );
}

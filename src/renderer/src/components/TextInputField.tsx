import { FieldError, Input, Label, Text, TextField } from 'react-aria-components';
import { useLiveValidation } from './useLiveValidation';
import './fields.css';

interface Props {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  isRequired?: boolean;
  type?: 'text' | 'tel';
  autoComplete?: string;
  description?: string;
  /** Shown when the field is required and left empty. */
  requiredMessage?: string;
  /** A refusal the core gave for this field; shown under it and marks it invalid. */
  errorMessage?: string;
  autoFocus?: boolean;
  /** The core's own limit (from the schema): the field stops there instead of being refused later. */
  maxLength?: number;
}

/** A labelled React Aria text field with its own validation message under it, gone as soon as the value is right. */
export function TextInputField({ label, requiredMessage, description, errorMessage, maxLength, ...field }: Props) {
  const problem = field.isRequired && !field.value.trim() ? (requiredMessage ?? `${label} is required.`) : null;
  const live = useLiveValidation(problem, errorMessage);
  return (
    <TextField className="field" {...field} isInvalid={live.isInvalid} validate={() => problem}>
      <Label className="field__label">
        {label}
        {!field.isRequired && <span className="field__optional"> (optional)</span>}
      </Label>
      <Input className="field__input" maxLength={maxLength} />
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

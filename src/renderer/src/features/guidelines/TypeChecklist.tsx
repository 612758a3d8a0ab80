import { Checkbox, CheckboxGroup, FieldError, Label, Text } from 'react-aria-components';
import type { AccessType } from '../../../../shared/domain';
import { accessTypeLabel } from '../../components/labels';

interface Props<T extends AccessType> {
  label: string;
  description?: string;
  types: readonly T[];
  value: readonly T[];
  onChange: (value: T[]) => void;
  errorMessage?: string;
}

/** Which access types a rule allows, one checkbox each, kept in the types' own order. */
export function TypeChecklist<T extends AccessType>({ label, description, types, value, onChange, errorMessage }: Props<T>) {
  return (
    <CheckboxGroup
      className="field"
      value={[...value]}
      onChange={(chosen) => onChange(types.filter((t) => chosen.includes(t)))}
      isInvalid={errorMessage ? true : undefined}
    >
      <Label className="field__label">{label}</Label>
      <div className="checks">
        {types.map((type) => (
          <Checkbox key={type} value={type} className="check">
            <span className="check__box" aria-hidden="true" />
            {accessTypeLabel(type)}
          </Checkbox>
        ))}
      </div>
      {description && (
        <Text slot="description" className="field__description">
          {description}
        </Text>
      )}
      <FieldError className="field__error">{errorMessage}</FieldError>
    </CheckboxGroup>
  );
}

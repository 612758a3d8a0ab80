import { FieldError, Label, Radio, RadioGroup } from 'react-aria-components';
import type { StaffMember } from '../../../../shared/domain';
import { staffRoleLabel } from './staff-role';

interface Props {
  staff: readonly StaffMember[];
  value: string | null;
  error: string | undefined;
  onChange: (staffId: string) => void;
}

function initials(name: string): string {
  const words = name.trim().split(/\s+/);
  return ((words[0]?.[0] ?? '') + (words.length > 1 ? (words.at(-1)?.[0] ?? '') : '')).toUpperCase();
}

/** The staff of this console as radio cards: name and role, arrow keys move between them. */
export function StaffPicker({ staff, value, error, onChange }: Props) {
  return (
    <RadioGroup className="field" value={value} onChange={onChange} isRequired isInvalid={Boolean(error)}>
      <Label className="field__label">Who is signing in?</Label>
      <div className="staff-picker">
        {staff.map((member) => (
          <Radio key={member.id} value={member.id} className="staff-picker__option">
            <span className="staff-picker__initials" aria-hidden="true">
              {initials(member.name)}
            </span>
            <span className="staff-picker__name">{member.name}</span>
            <span className="staff-picker__role">{staffRoleLabel(member.role)}</span>
          </Radio>
        ))}
      </div>
      <FieldError className="field__error">
        <span role="alert">{error}</span>
      </FieldError>
    </RadioGroup>
  );
}

import { useId } from 'react';
import { ListBox, ListBoxItem, Text, type Selection } from 'react-aria-components';
import type { StaffMember } from '../../../../shared/domain';
import { roleLabel } from '../../components/labels';

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

/**
 * The staff of this console as a single-choice list of cards (name and role). Like radio
 * buttons, the choice follows focus: arrow keys move it, typing a name's first letters jumps
 * to it. The list scrolls when a console has many staff, and takes focus first.
 */
export function StaffPicker({ staff, value, error, onChange }: Props) {
  const labelId = useId();
  const errorId = useId();
  const choose = (selection: Selection) => {
    const [key] = selection === 'all' ? [] : [...selection];
    if (key !== undefined) onChange(String(key));
  };
  return (
    <div className="field">
      <span id={labelId} className="field__label">
        Who is signing in?
      </span>
      <ListBox
        className="staff-picker"
        aria-labelledby={labelId}
        aria-describedby={error ? errorId : undefined}
        aria-invalid={error ? true : undefined}
        aria-required
        items={staff}
        selectionMode="single"
        selectionBehavior="replace"
        disallowEmptySelection
        autoFocus
        selectedKeys={value === null ? [] : [value]}
        onSelectionChange={choose}
      >
        {(member) => (
          <ListBoxItem
            id={member.id}
            className="staff-picker__option"
            textValue={member.name}
            // Type-ahead moves focus only; the choice follows focus, so what is highlighted is who signs in.
            onFocus={() => member.id !== value && onChange(member.id)}
          >
            <span className="staff-picker__initials" aria-hidden="true">
              {initials(member.name)}
            </span>
            <Text slot="label" className="staff-picker__name">
              {member.name}
            </Text>
            <Text slot="description" className="staff-picker__role">
              {roleLabel(member.role)}
            </Text>
          </ListBoxItem>
        )}
      </ListBox>
      {error && (
        <span id={errorId} role="alert" className="field__error">
          {error}
        </span>
      )}
    </div>
  );
}

import { Button, ComboBox, FieldError, Input, Label, ListBox, ListBoxItem, Popover, Text } from 'react-aria-components';
import type { PendingDoor } from '../../../../shared/domain';
import { useCommunityTime } from '../../components/community-time';
import { doorKindLabel } from '../../components/labels';
import '../../components/fields.css';

/** What the technician chose: a door from the list, or a door id typed in. */
export interface DoorChoice {
  /** The door picked from the list; null while the text is typed by hand. */
  pickedId: string | null;
  text: string;
}

export const noDoorChoice: DoorChoice = { pickedId: null, text: '' };

/** The door id to send: the picked door's, or the text typed (a door id). */
export function chosenDoorId(choice: DoorChoice): string {
  return choice.pickedId ?? choice.text.trim();
}

interface Props {
  label: string;
  /** The doors offered in the list (doors waiting for programming). */
  doors: readonly PendingDoor[];
  value: DoorChoice;
  onChange: (choice: DoorChoice) => void;
  description: string;
  errorMessage?: string;
  autoFocus?: boolean;
}

/**
 * A searchable list of doors that also takes any door's id typed in (a React Aria ComboBox
 * with custom values): the console has no list of every door, only the ones waiting.
 */
export function DoorField({ label, doors, value, onChange, description, errorMessage, autoFocus }: Props) {
  const time = useCommunityTime();
  return (
    <ComboBox
      className="field door-field"
      defaultItems={doors}
      allowsCustomValue
      menuTrigger="focus"
      selectedKey={value.pickedId}
      inputValue={value.text}
      onInputChange={(text) => onChange({ pickedId: doors.find((d) => d.name === text)?.id ?? null, text })}
      onSelectionChange={(key) => {
        const door = doors.find((d) => d.id === key);
        if (door) onChange({ pickedId: door.id, text: door.name });
      }}
      isInvalid={errorMessage ? true : undefined}
      autoFocus={autoFocus}
    >
      <Label className="field__label">{label}</Label>
      <div className="door-field__group">
        <Input className="field__input door-field__input" placeholder="Door name, or a door id" />
        <Button className="door-field__button" aria-label="Show doors">
          <span className="select__chevron" aria-hidden="true" />
        </Button>
      </div>
      <Text slot="description" className="field__description">
        {description}
      </Text>
      <FieldError className="field__error">{errorMessage}</FieldError>
      <Popover className="select__popover door-field__popover">
        <ListBox className="select__list" renderEmptyState={() => <p className="door-field__empty">No waiting door matches. Type the door’s id.</p>}>
          {(door: PendingDoor) => (
            <ListBoxItem className="select__option door-field__option" id={door.id} textValue={door.name}>
              <Text slot="label" className="door-field__name">
                {door.name}
              </Text>
              <Text slot="description" className="door-field__meta">
                {[door.buildingName, doorKindLabel(door.kind), door.modelName].filter(Boolean).join(' · ')} · pending since{' '}
                {time.dateTime(door.pendingSince)}
              </Text>
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}

import { useState } from 'react';
import { Button, ComboBox, FieldError, Input, Label, ListBox, ListBoxItem, Popover, Text, type Key } from 'react-aria-components';
import type { HardwareDoor, PendingDoor } from '../../../../shared/domain';
import { useHardwareDoors } from '../../api/queries';
import { useCommunityTime } from '../../components/community-time';
import { doorKindLabel } from '../../components/labels';
import { useDebouncedText } from '../../components/useDebouncedText';
import '../../components/fields.css';

interface Props {
  label: string;
  /** Only doors whose lock model is this one (a lock is assigned only to a door of its model). */
  modelId?: string;
  /** The doors waiting for programming, marked in the list and listed first. */
  pendingDoors: readonly PendingDoor[];
  /** The chosen door's id; null while none is picked. */
  value: string | null;
  onChange: (doorId: string | null) => void;
  description: string;
  errorMessage?: string;
  autoFocus?: boolean;
}

/**
 * The door picker of the Hardware page's dialogs: a React Aria ComboBox whose list is the
 * core's search of every door (by door, building or lock serial; an exact door id finds its
 * door too), asked once typing pauses. Each door shows its building, kind, model and lock
 * serial, and when it waits for programming, since when.
 */
export function DoorField({ label, modelId, pendingDoors, value, onChange, description, errorMessage, autoFocus }: Props) {
  const time = useCommunityTime();
  const [search, setSearch] = useState('');
  const settled = useDebouncedText(search.trim(), 250);
  const found = useHardwareDoors(settled, modelId ?? null);
  const pendingSince = new Map(pendingDoors.map((d) => [d.id, d.pendingSince]));
  // The round first (doors waiting, oldest first), then the rest in the core's order.
  const doors = [...(found.data ?? [])].sort((a, b) => waitingOrder(pendingSince.get(a.id), pendingSince.get(b.id)));

  return (
    <ComboBox
      className="field door-field"
      items={doors}
      menuTrigger="focus"
      allowsEmptyCollection
      selectedKey={value}
      onSelectionChange={(key: Key | null) => onChange(key === null ? null : String(key))}
      onInputChange={setSearch}
      isInvalid={errorMessage ? true : undefined}
      autoFocus={autoFocus}
    >
      <Label className="field__label">{label}</Label>
      <div className="door-field__group">
        <Input className="field__input door-field__input" placeholder="Door, building or lock serial" />
        <Button className="door-field__button" aria-label="Show doors">
          <span className="select__chevron" aria-hidden="true" />
        </Button>
      </div>
      <Text slot="description" className="field__description">
        {description}
      </Text>
      <FieldError className="field__error">{errorMessage}</FieldError>
      <Popover className="select__popover door-field__popover">
        <ListBox
          className="select__list"
          renderEmptyState={() => (
            <p className="door-field__empty">
              {found.error
                ? 'Could not search the doors. Try again.'
                : found.isFetching
                  ? 'Searching…'
                  : settled
                    ? `No door matches “${settled}”.`
                    : 'No door to choose.'}
            </p>
          )}
        >
          {(door: HardwareDoor) => {
            const since = pendingSince.get(door.id);
            return (
              <ListBoxItem className="select__option door-field__option" id={door.id} textValue={door.name}>
                <Text slot="label" className="door-field__name">
                  {door.name}
                </Text>
                <Text slot="description" className="door-field__meta">
                  {[door.buildingName ?? 'Grounds', doorKindLabel(door.kind), door.modelName, door.serial ? `lock ${door.serial}` : 'no lock assigned'].join(
                    ' · ',
                  )}
                  {since && <span className="door-field__pending"> · pending since {time.dateTime(since)}</span>}
                </Text>
              </ListBoxItem>
            );
          }}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}

function waitingOrder(a: string | undefined, b: string | undefined): number {
  if (a && b) return a.localeCompare(b);
  return a ? -1 : b ? 1 : 0;
}

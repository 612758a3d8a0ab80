import { useState, type FormEvent } from 'react';
import { Button, Form } from 'react-aria-components';
import type { SlotReservation } from '../../../../shared/domain';
import { useSetReservedSlots } from '../../api/capacity';
import { SelectField } from '../../components/SelectField';
import { WholeNumberField } from '../../components/WholeNumberField';
import { useCommunityTime } from '../../components/community-time';
import '../../components/fields.css';

/**
 * An admin keeps a lock model's top slots for staff and emergency codes. The core holds every
 * grant to it (single, bulk, new dates), and audits the change.
 */
export function ReservedSlotsForm({ reservations }: { reservations: readonly SlotReservation[] }) {
  const [modelId, setModelId] = useState(reservations[0]?.modelId ?? '');
  const current = reservations.find((r) => r.modelId === modelId);
  const [reserved, setReserved] = useState<number>(current?.reserved ?? 0);
  const save = useSetReservedSlots();
  const time = useCommunityTime();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    save.mutate({ modelId, reserved });
  };
  return (
    <Form className="capacity-reserve-form" onSubmit={submit} aria-label="Slots kept for staff and emergency codes">
      <SelectField
        label="Lock model"
        options={reservations.map((r) => ({ id: r.modelId, label: `${r.modelName} (${r.slots.toLocaleString()} slots)` }))}
        value={modelId}
        onChange={(id) => {
          save.reset();
          setModelId(id);
          setReserved(reservations.find((r) => r.modelId === id)?.reserved ?? 0);
        }}
      />
      <WholeNumberField
        key={modelId}
        label="Kept for staff and emergency codes"
        value={reserved}
        onChange={(value) => {
          save.reset();
          setReserved(value);
        }}
        maxValue={current?.slots ?? 0}
        description={current?.changedBy && current.changedAt ? `Set by ${current.changedBy}, ${time.dateTime(current.changedAt)}` : 'Guest grants never take these slots.'}
        errorMessage={save.error?.message}
        inputClassName="capacity-reserve-form__number"
      />
      <Button type="submit" className="button" isPending={save.isPending} isDisabled={!current || current.reserved === reserved}>
        Save
      </Button>
      {save.isSuccess && (
        <span role="status" className="muted">
          Saved.
        </span>
      )}
    </Form>
  );
}

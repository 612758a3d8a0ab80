import { useState, type FormEvent } from 'react';
import { Button, DialogTrigger, Form } from 'react-aria-components';
import type { AttachedDoor, PendingDoor, Programmer } from '../../../../shared/domain';
import { useAssignLock } from '../../api/mutations';
import { useCommunity } from '../../api/queries';
import { ModalDialog } from '../../components/ModalDialog';
import { formErrors } from '../access/grant-form/form-errors';
import { chosenDoorId, DoorField, noDoorChoice } from './DoorField';

interface Props {
  programmer: Programmer;
  lock: AttachedDoor;
  pendingDoors: readonly PendingDoor[];
  isDisabled: boolean;
}

/** Commissioning: "Assign to door…" tells Porter which door the lock on the cable belongs to. */
export function AssignLockDialog(props: Props) {
  return (
    <DialogTrigger>
      <Button className="button" isDisabled={props.isDisabled}>
        Assign to door…
      </Button>
      <ModalDialog title={`Assign lock ${props.lock.serial} to a door`}>
        {(close) => <AssignLockForm {...props} close={close} />}
      </ModalDialog>
    </DialogTrigger>
  );
}

function AssignLockForm({ programmer, lock, pendingDoors, close }: Props & { close: () => void }) {
  const assign = useAssignLock();
  const [choice, setChoice] = useState(noDoorChoice);
  const [missing, setMissing] = useState(false);
  // Only doors whose lock model in Porter is the lock's: the core refuses any other.
  const model = useCommunity().data?.lockModels.find((m) => m.id === lock.modelId);
  const sameModel = model ? pendingDoors.filter((d) => d.modelName === model.name) : [];
  const errors = formErrors(assign.error, ['doorId']);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const doorId = chosenDoorId(choice);
    if (!doorId) return setMissing(true);
    assign.mutate({ programmerId: programmer.id, doorId }, { onSuccess: close });
  };

  return (
    <Form className="form" onSubmit={submit}>
      <p className="dialog__text">
        The lock on the cable is a {lock.modelName}, serial {lock.serial}. Choose the door it is installed on; the next
        programming writes that door’s whole table to it.
      </p>
      <DoorField
        label="Door"
        doors={sameModel}
        value={choice}
        onChange={(next) => {
          setChoice(next);
          setMissing(false);
          assign.reset();
        }}
        description={`Doors with a ${model?.name ?? lock.modelName} lock waiting for programming; for any other, type its door id.`}
        errorMessage={missing ? 'Choose a door, or type its id.' : errors.at('doorId')}
        autoFocus
      />
      {errors.general && (
        <div role="alert" className="notice">
          <strong className="notice__title">The lock was not assigned.</strong>
          <span>{errors.general}</span>
        </div>
      )}
      <div className="form__actions">
        <Button className="button" onPress={close}>
          Cancel
        </Button>
        <Button type="submit" className="button button--primary" isPending={assign.isPending}>
          Assign lock
        </Button>
      </div>
    </Form>
  );
}

import { FormActions } from '../../components/FormActions';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useState, type FormEvent } from 'react';
import { Button, DialogTrigger, Form } from 'react-aria-components';
import type { AttachedDoor, PendingDoor, Programmer } from '../../../../shared/domain';
import { useAssignLock } from '../../api/mutations';
import { ModalDialog } from '../../components/ModalDialog';
import { formErrors } from '../access/grant-form/form-errors';
import { DoorField } from './DoorField';

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
  const [doorId, setDoorId] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  const errors = formErrors(assign.error, ['doorId']);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!doorId) return setMissing(true);
    assign.mutate({ programmerId: programmer.id, doorId }, { onSuccess: close });
  };

  return (
    <Form className="form" onSubmit={submit}>
      <p className="dialog__text">
        The lock on the cable is a {lock.modelName}, serial {lock.serial}. Choose the door it is installed on; the next
        programming writes that door’s whole table to it.
      </p>
      {/* Only doors whose lock model in Porter is the lock's: the core refuses any other. */}
      <DoorField
        label="Door"
        modelId={lock.modelId}
        pendingDoors={pendingDoors}
        value={doorId}
        onChange={(next) => {
          setDoorId(next);
          setMissing(false);
          assign.reset();
        }}
        description={`Doors with a ${lock.modelName} lock, by door, building or lock serial.`}
        errorMessage={missing ? 'Choose the door from the list.' : errors.at('doorId')}
        autoFocus
      />
      {errors.general && <ErrorNotice error={assign.error} title="The lock was not assigned." />}
      <FormActions onCancel={close} submit="Assign lock" pending={assign.isPending} />
    </Form>
  );
}

import { Button, DialogTrigger } from 'react-aria-components';
import type { AttachedDoor, PendingDoor, Programmer } from '../../../../shared/domain';
import { useAssignLock } from '../../api/mutations';
import { ModalDialog } from '../../components/ModalDialog';
import { AssignDoorForm } from './AssignDoorForm';

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
  return (
    <AssignDoorForm
      intro={`The lock on the cable is a ${lock.modelName}, serial ${lock.serial}. Choose the door it is installed on; the next programming writes that door’s whole table to it.`}
      modelId={lock.modelId}
      pendingDoors={pendingDoors}
      description={`Doors with a ${lock.modelName} lock, by door, building or lock serial.`}
      mutation={assign}
      onSubmit={(doorId) => assign.mutate({ programmerId: programmer.id, doorId }, { onSuccess: close })}
      submit="Assign lock"
      failure="The lock was not assigned."
      close={close}
    />
  );
}

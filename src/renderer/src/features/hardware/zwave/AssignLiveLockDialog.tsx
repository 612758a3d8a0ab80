import type { LiveLockView } from '../../../../../shared/domain';
import { useAssignLiveLock } from '../../../api/mutations';
import { useHardwareOverview } from '../../../api/queries';
import { ModalDialog } from '../../../components/ModalDialog';
import { AssignDoorForm } from '../AssignDoorForm';
import { liveLockName } from './live-lock-words';

/**
 * "Assign…": tells Porter which door a Z-Wave lock is on. Its codes follow at once, through the
 * network, so the door turns In sync on its own. Controlled from the section (like the commission
 * dialog), so the core's refreshes of the list do not close it.
 */
export function AssignLiveLockDialog({ lock, onClose }: { lock: LiveLockView; onClose: () => void }) {
  return (
    <ModalDialog title={`Assign ${liveLockName(lock)} to a door`} onClose={onClose}>
      {(close) => <AssignForm lock={lock} close={close} />}
    </ModalDialog>
  );
}

function AssignForm({ lock, close }: { lock: LiveLockView; close: () => void }) {
  const assign = useAssignLiveLock();
  const pendingDoors = useHardwareOverview().data?.pendingDoors ?? [];
  return (
    <AssignDoorForm
      intro="Choose the door this lock is installed on. Porter then sets the door’s codes on it over Z-Wave, and the door shows Pending until the lock reports them."
      pendingDoors={pendingDoors}
      description="The door, by name, building or lock serial."
      mutation={assign}
      onSubmit={(doorId) => assign.mutate({ nodeId: lock.nodeId, doorId }, { onSuccess: close })}
      submit="Assign lock"
      failure="The lock was not assigned."
      close={close}
    />
  );
}

import { useState, type FormEvent } from 'react';
import { Dialog, Form, Heading, Modal, ModalOverlay } from 'react-aria-components';
import type { LiveLockView } from '../../../../../shared/domain';
import { useAssignLiveLock } from '../../../api/mutations';
import { useHardwareOverview } from '../../../api/queries';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { FormActions } from '../../../components/FormActions';
import '../../../components/modal.css';
import { formErrors } from '../../access/grant-form/form-errors';
import { DoorField } from '../DoorField';
import { liveLockName } from './live-lock-words';

/**
 * "Assign…": tells Porter which door a Z-Wave lock is on. Its codes follow at once, through the
 * network, so the door turns In sync on its own. Controlled from the section (like the commission
 * dialog), so the core's refreshes of the list do not close it.
 */
export function AssignLiveLockDialog({ lock, onClose }: { lock: LiveLockView; onClose: () => void }) {
  return (
    <ModalOverlay className="modal-overlay" isDismissable isOpen onOpenChange={(open) => !open && onClose()}>
      <Modal className="modal">
        <Dialog className="dialog">
          <Heading slot="title" className="dialog__title">
            Assign {liveLockName(lock)} to a door
          </Heading>
          <AssignForm lock={lock} close={onClose} />
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

function AssignForm({ lock, close }: { lock: LiveLockView; close: () => void }) {
  const assign = useAssignLiveLock();
  const pendingDoors = useHardwareOverview().data?.pendingDoors ?? [];
  const [doorId, setDoorId] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  const errors = formErrors(assign.error, ['doorId']);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!doorId) return setMissing(true);
    assign.mutate({ nodeId: lock.nodeId, doorId }, { onSuccess: close });
  };

  return (
    <Form className="form" onSubmit={submit}>
      <p className="dialog__text">
        Choose the door this lock is installed on. Porter then sets the door’s codes on it over Z-Wave, and the door shows Pending
        until the lock reports them.
      </p>
      <DoorField
        label="Door"
        pendingDoors={pendingDoors}
        value={doorId}
        onChange={(next) => {
          setDoorId(next);
          setMissing(false);
          assign.reset();
        }}
        description="The door, by name, building or lock serial."
        errorMessage={missing ? 'Choose the door from the list.' : errors.at('doorId')}
        autoFocus
      />
      {errors.general && <ErrorNotice error={assign.error} title="The lock was not assigned." />}
      <FormActions onCancel={close} submit="Assign lock" pending={assign.isPending} />
    </Form>
  );
}

import { useState, type FormEvent } from 'react';
import { FieldError, Form, Input, Label, Text, TextField } from 'react-aria-components';
import type { BluetoothLock, PendingDoor } from '../../../../shared/domain';
import { useCommissionLock } from '../../api/mutations';
import { ErrorNotice } from '../../components/ErrorNotice';
import { FormActions } from '../../components/FormActions';
import { ModalDialog } from '../../components/ModalDialog';
import { formErrors } from '../access/grant-form/form-errors';
import { dbm, signalLevel, signalWord } from './bluetooth-labels';
import { DoorField } from './DoorField';

interface Props {
  /** The lock as it was heard when Commission… was pressed. */
  lock: BluetoothLock;
  pendingDoors: readonly PendingDoor[];
  onClose: () => void;
}

/**
 * "Commission…": a factory-new Bluetooth lock gets its door and this console's key, proven by the
 * setup code on its label. The ModalDialog frame, opened from above the scan list (not inside a
 * row), so a lock that drops out of range for a moment does not close it mid-typing.
 */
export function CommissionLockDialog({ lock, pendingDoors, onClose }: Props) {
  return (
    <ModalDialog title={lock.serial ? `Commission lock ${lock.serial}` : 'Commission a new lock'} onClose={onClose}>
      {(close) => <CommissionForm lock={lock} pendingDoors={pendingDoors} close={close} />}
    </ModalDialog>
  );
}

/** "1234 5678" and "1234-5678", as labels print it, are the same 8 digits. */
const digitsOf = (code: string) => code.replace(/[\s-]/g, '');

function CommissionForm({ lock, pendingDoors, close }: { lock: BluetoothLock; pendingDoors: readonly PendingDoor[]; close: () => void }) {
  const commission = useCommissionLock();
  const [doorId, setDoorId] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [checked, setChecked] = useState(false);
  const errors = formErrors(commission.error, ['doorId', 'setupCode']);
  const codeValid = /^\d{8}$/.test(digitsOf(code));
  const doorMissing = checked && !doorId;
  const codeProblem = checked && !codeValid ? 'Enter the 8 digits of the setup code on the lock’s label.' : errors.at('setupCode');

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setChecked(true);
    if (!doorId || !codeValid) return;
    commission.mutate({ lockId: lock.id, doorId, setupCode: digitsOf(code) }, { onSuccess: close });
  };

  return (
    <Form className="form" onSubmit={submit}>
      <p className="dialog__text">
        This lock is factory-new, heard at {dbm(lock.rssi)} ({signalWord[signalLevel(lock.rssi)].toLowerCase()} signal).
        Porter connects to it with the setup code from its label, gives it this console’s key and assigns it to the door;
        the next programming writes the door’s whole table.
      </p>
      <DoorField
        label="Door"
        pendingDoors={pendingDoors}
        value={doorId}
        onChange={(next) => {
          setDoorId(next);
          commission.reset();
        }}
        description="The door the lock is installed on, by door, building or lock serial."
        errorMessage={doorMissing ? 'Choose the door from the list.' : errors.at('doorId')}
        autoFocus
      />
      <TextField
        className="field"
        name="setupCode"
        value={code}
        onChange={(next) => {
          setCode(next);
          commission.reset();
        }}
        isInvalid={codeProblem ? true : undefined}
      >
        <Label className="field__label">Setup code</Label>
        <Input className="field__input bt-setup-code" inputMode="numeric" autoComplete="off" spellCheck={false} maxLength={11} />
        <Text slot="description" className="field__description">
          The 8 digits printed on the lock’s label.
        </Text>
        <FieldError className="field__error">{codeProblem}</FieldError>
      </TextField>
      {errors.general && <ErrorNotice error={commission.error} title="The lock was not commissioned." />}
      <FormActions onCancel={close} submit="Commission lock" pending={commission.isPending} />
    </Form>
  );
}

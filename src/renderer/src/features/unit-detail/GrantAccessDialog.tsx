import { Button, DialogTrigger } from 'react-aria-components';
import type { Credential, UnitRow } from '../../../../shared/domain';
import { ModalDialog } from '../../components/ModalDialog';
import { useSecondPressGuard } from '../../components/useSecondPressGuard';
import { GrantAccessForm } from './GrantAccessForm';

interface Props {
  unit: UnitRow;
  onGranted?: (credential: Credential) => void;
  /** Label of the button that opens the dialog. */
  triggerLabel?: string;
}

/** "Grant access" button and its modal form; the new credential arrives by change event. */
export function GrantAccessDialog({ unit, onGranted, triggerLabel = 'Grant access' }: Props) {
  // Just granted: the button the closing dialog gives focus back to would reopen an empty form
  // on the second Enter of a double press; it rests until that press has passed.
  const { resting, rest } = useSecondPressGuard();
  return (
    <DialogTrigger>
      <Button className="button button--primary" isDisabled={resting}>
        {triggerLabel}
      </Button>
      <ModalDialog title={`Grant access to ${unit.buildingName} ${unit.number}`} size="wide">
        {(close) => (
          <>
            <p className="dialog__text">
              Floor {unit.floor} · {unit.lockModel.name} lock
            </p>
            <GrantAccessForm
              unit={unit}
              onCancel={close}
              onGranted={(credential) => {
                rest();
                close();
                onGranted?.(credential);
              }}
            />
          </>
        )}
      </ModalDialog>
    </DialogTrigger>
  );
}

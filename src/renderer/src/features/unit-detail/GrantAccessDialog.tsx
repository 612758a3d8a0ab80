import { Button, DialogTrigger } from 'react-aria-components';
import type { Credential, UnitRow } from '../../../../shared/domain';
import { ModalDialog } from '../../components/ModalDialog';
import { GrantAccessForm } from './GrantAccessForm';

interface Props {
  unit: UnitRow;
  onGranted?: (credential: Credential) => void;
  /** Label of the button that opens the dialog. */
  triggerLabel?: string;
}

/** "Grant access" button and its modal form; the new credential arrives by change event. */
export function GrantAccessDialog({ unit, onGranted, triggerLabel = 'Grant access' }: Props) {
  return (
    <DialogTrigger>
      <Button className="button button--primary">{triggerLabel}</Button>
      <ModalDialog title={`Grant access to unit ${unit.number}`} size="wide">
        {(close) => (
          <>
            <p className="dialog__text">
              {unit.buildingName}, floor {unit.floor} · {unit.lockModel.name} lock
            </p>
            <GrantAccessForm
              unit={unit}
              onCancel={close}
              onGranted={(credential) => {
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

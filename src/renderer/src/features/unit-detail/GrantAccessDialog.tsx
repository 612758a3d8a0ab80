import { Button, DialogTrigger } from 'react-aria-components';
import type { Credential } from '../../../../shared/domain';
import { ModalDialog } from '../../components/ModalDialog';
import { GrantAccessForm } from './GrantAccessForm';

interface Props {
  unitId: string;
  unitNumber: string;
  onGranted?: (credential: Credential) => void;
  /** Label of the button that opens the dialog. */
  triggerLabel?: string;
}

/** "Grant access" button and its modal form; the new credential arrives by change event. */
export function GrantAccessDialog({ unitId, unitNumber, onGranted, triggerLabel = 'Grant access' }: Props) {
  return (
    <DialogTrigger>
      <Button className="button button--primary">{triggerLabel}</Button>
      <ModalDialog title={`Grant access to unit ${unitNumber}`}>
        {(close) => (
          <GrantAccessForm
            unitId={unitId}
            onCancel={close}
            onGranted={(credential) => {
              close();
              onGranted?.(credential);
            }}
          />
        )}
      </ModalDialog>
    </DialogTrigger>
  );
}

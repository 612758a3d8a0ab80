import { Button, DialogTrigger } from 'react-aria-components';
import type { Credential } from '../../../../shared/domain';
import { credentialKindLabel } from '../../components/labels';
import { ModalDialog } from '../../components/ModalDialog';
import type { GrantLimits } from '../access/grant-form/grant-options';
import { EditDatesForm } from './EditDatesForm';

interface Props {
  credential: Credential;
  lock: GrantLimits['lock'];
  onRescheduled?: (credential: Credential) => void;
}

/** "Edit dates" on a temporary, recurring or delivery credential. */
export function EditDatesDialog({ credential, lock, onRescheduled }: Props) {
  const kind = credentialKindLabel(credential.kind);
  return (
    <DialogTrigger>
      <Button className="button button--small" aria-label={`Edit dates of ${credential.guest.name}’s ${kind}`}>
        Edit dates
      </Button>
      <ModalDialog title={`New dates for ${credential.guest.name}`} size="wide">
        {(close) => (
          <EditDatesForm
            credential={credential}
            lock={lock}
            onCancel={close}
            onRescheduled={(next) => {
              close();
              onRescheduled?.(next);
            }}
          />
        )}
      </ModalDialog>
    </DialogTrigger>
  );
}

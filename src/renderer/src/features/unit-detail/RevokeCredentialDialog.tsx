import { Button, DialogTrigger } from 'react-aria-components';
import type { Credential } from '../../../../shared/domain';
import { useRevokeCredential } from '../../api/mutations';
import { orderedDoors } from '../../components/credential-status';
import { credentialKindLabel } from '../../components/labels';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ModalDialog } from '../../components/ModalDialog';

interface Props {
  credential: Credential;
  onRevoked?: (credential: Credential) => void;
}

function RevokeConfirmation({ credential, close, onRevoked }: Props & { close: () => void }) {
  const revoke = useRevokeCredential();
  const doors = orderedDoors(credential.doors);
  const visit = credential.visit;
  return (
    <>
      {visit ? (
        <p className="dialog__text">
          This {credentialKindLabel(credential.kind)} is part of a visit covering {visit.units} units, which share it. Revoking it ends the whole visit: it will stop
          opening every door of all {visit.units} units. Doors are reprogrammed at their next sync. This cannot be undone.
        </p>
      ) : (
        <p className="dialog__text">
          This {credentialKindLabel(credential.kind)} will stop opening {doors.length === 1 ? 'its door' : `all ${doors.length} of its doors`}:{' '}
          {doors.map((door) => door.name).join(', ')}. Doors are reprogrammed at their next sync. This cannot be undone.
        </p>
      )}
      {revoke.error && <ErrorNotice error={revoke.error} title="Access was not revoked." />}
      <div className="form__actions">
        <Button className="button" onPress={close} autoFocus>
          Keep access
        </Button>
        <Button
          className="button button--danger"
          isPending={revoke.isPending}
          onPress={() =>
            revoke.mutate(
              { credentialId: credential.id },
              {
                onSuccess: (revoked) => {
                  close();
                  onRevoked?.(revoked);
                },
              },
            )
          }
        >
          {revoke.isPending ? 'Revoking…' : visit ? 'End the whole visit' : 'Revoke access'}
        </Button>
      </div>
    </>
  );
}

/** "Revoke" on an active credential, confirmed in an alert dialog before anything happens. */
export function RevokeCredentialDialog({ credential, onRevoked }: Props) {
  const kind = credentialKindLabel(credential.kind);
  return (
    <DialogTrigger>
      <Button className="button button--small button--danger-quiet" aria-label={`Revoke ${kind} of ${credential.guest.name}`}>
        Revoke
      </Button>
      <ModalDialog role="alertdialog" title={credential.visit ? `End ${credential.guest.name}’s visit to ${credential.visit.units} units?` : `Revoke ${credential.guest.name}’s ${kind}?`}>
        {(close) => <RevokeConfirmation credential={credential} close={close} onRevoked={onRevoked} />}
      </ModalDialog>
    </DialogTrigger>
  );
}

import { Button } from 'react-aria-components';
import type { Credential } from '../../../../shared/domain';
import { errorMessage, useResendText } from '../../api/mutations';
import { useSession, useSyncStatus } from '../../api/queries';
import { notificationLabel } from '../../components/labels';
import { StatusBadge } from '../../components/StatusBadge';

const tones = { queued: 'neutral', sent: 'good', failed: 'bad' } as const;

/**
 * What a queued text waits for, in words that follow "The text is …"; null while the cloud is
 * reachable (it is on its way). Texts are sent by the cloud, never by a console.
 */
export function useTextWait(): string | null {
  const training = useSession().data?.training ?? false;
  const sync = useSyncStatus().data;
  if (training) return 'not sent: a training console has no cloud to text from';
  if (!sync || sync.state === 'online') return null;
  if (sync.state === 'not_set_up') return 'waiting until this console is paired with the cloud, which sends the texts';
  return 'waiting until this console syncs with the cloud again';
}

/** The guest's text: queued, sent or failed, how many were asked for, why the last one failed, and what a queued one waits for. */
export function CredentialTextStatus({ credential, wait }: { credential: Credential; wait: string | null }) {
  const { status, requests, lastError } = credential.notification;
  return (
    <div className="credential-text">
      <StatusBadge tone={tones[status]}>{notificationLabel(status)}</StatusBadge>
      <span className="credential-text__count">{requests === 1 ? '1 text' : `${requests} texts`}</span>
      {status === 'failed' && lastError && <span className="credential-text__error">{lastError}</span>}
      {status === 'queued' && wait && <span className="credential-text__wait">The text is {wait}.</span>}
    </div>
  );
}

/** Queues the guest's text again; the new count arrives by change event. */
export function ResendTextButton({ credential }: { credential: Credential }) {
  const resend = useResendText();
  return (
    <>
      <Button
        className="button button--small"
        aria-label={`Resend text to ${credential.guest.name}`}
        isPending={resend.isPending}
        onPress={() => resend.mutate({ credentialId: credential.id })}
      >
        {resend.isPending ? 'Sending…' : 'Resend text'}
      </Button>
      {resend.error && (
        <span role="alert" className="credential-text__error">
          {errorMessage(resend.error)}
        </span>
      )}
    </>
  );
}

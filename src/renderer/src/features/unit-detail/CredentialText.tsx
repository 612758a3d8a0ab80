import { Button } from 'react-aria-components';
import type { Credential } from '../../../../shared/domain';
import { errorMessage, useResendText } from '../../api/mutations';
import { notificationLabel } from '../../components/labels';
import { StatusBadge } from '../../components/StatusBadge';
import { textWaitWords, type TextWait } from '../../components/text-wait';

const tones = { queued: 'neutral', sent: 'good', failed: 'bad' } as const;

/** The guest's text: queued, sent or failed, how many were asked for, why the last one failed, and what a queued one waits for. */
export function CredentialTextStatus({ credential, wait }: { credential: Credential; wait: TextWait | null }) {
  const { status, requests, lastError } = credential.notification;
  return (
    <div className="credential-text">
      <StatusBadge tone={tones[status]}>{notificationLabel(status)}</StatusBadge>
      <span className="credential-text__count">{requests === 1 ? '1 text' : `${requests} texts`}</span>
      {status === 'failed' && lastError && <span className="credential-text__error">{lastError}</span>}
      {status === 'queued' && wait && <span className="credential-text__wait">The text is {textWaitWords[wait]}.</span>}
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

import type { Credential } from '../../../../shared/domain';
import { useCommunityTime } from '../../components/community-time';
import { accessTypeLabel, credentialKindLabel, notificationLabel } from '../../components/labels';
import { useCan } from '../../components/permissions';
import { formatPhone } from '../../components/phone';
import { StatusBadge } from '../../components/StatusBadge';
import { RevokeCredentialDialog } from './RevokeCredentialDialog';

interface Props {
  credential: Credential;
  onRevoked?: (credential: Credential) => void;
}

const notificationTone = { queued: 'neutral', sent: 'good', failed: 'bad' } as const;

/** One guest's PIN code or Bluetooth pass: who, what, which doors, and its history. */
export function CredentialItem({ credential, onRevoked }: Props) {
  const time = useCommunityTime();
  const active = credential.status === 'active';
  const canRevoke = useCan('access.revoke');
  const headingId = `credential-${credential.id}`;
  return (
    <article className="credential" data-status={credential.status} aria-labelledby={headingId}>
      <div className="credential__top">
        <h4 className="credential__guest" id={headingId}>
          {credential.guest.name}
          {credential.guest.company && <span className="credential__company"> · {credential.guest.company}</span>}
        </h4>
        <StatusBadge tone={active ? 'good' : 'neutral'}>{active ? 'Active' : 'Revoked'}</StatusBadge>
      </div>
      <div className="credential__line">
        <span>{formatPhone(credential.guest.phone)}</span>
        <span aria-hidden="true">·</span>
        <span>{credentialKindLabel(credential.kind)}</span>
        <span aria-hidden="true">·</span>
        <span>{accessTypeLabel(credential.accessType)}</span>
      </div>
      <div className="credential__line">
        <span className="credential__label">Doors</span>
        <span>{credential.doors.map((door) => door.name).join(', ') || 'None'}</span>
      </div>
      <div className="credential__line credential__line--meta">
        <span>
          Created {time.dateTime(credential.createdAt)} by {credential.createdBy}
        </span>
        {credential.revokedAt && (
          <span>
            Revoked {time.dateTime(credential.revokedAt)}
            {credential.revokedBy ? ` by ${credential.revokedBy}` : ''}
          </span>
        )}
      </div>
      <div className="credential__bottom">
        <StatusBadge tone={notificationTone[credential.notification]}>{notificationLabel(credential.notification)}</StatusBadge>
        {active && canRevoke && <RevokeCredentialDialog credential={credential} onRevoked={onRevoked} />}
      </div>
    </article>
  );
}

import type { Credential } from '../../../../shared/domain';
import { isLive } from '../../components/credential-status';
import type { GrantLimits } from '../access/grant-form/grant-options';
import { CredentialItem } from './CredentialItem';

interface Props {
  credentials: readonly Credential[];
  lock: GrantLimits['lock'];
  onRevoked?: (credential: Credential) => void;
  onRescheduled?: (credential: Credential) => void;
  /** The credential just granted here: focus goes to it when it arrives. */
  focusId?: string | null;
}

/** Everyone invited: live credentials first, newest first; ended ones stay listed below for the record. */
export function CredentialList({ credentials, lock, onRevoked, onRescheduled, focusId }: Props) {
  if (credentials.length === 0) return <p className="muted">No one has access to this unit yet.</p>;
  const ordered = [...credentials].sort(
    (a, b) => Number(isLive(b)) - Number(isLive(a)) || b.createdAt.localeCompare(a.createdAt),
  );
  return (
    <ul className="credential-list" aria-label="Guests with access">
      {ordered.map((credential) => (
        <li key={credential.id}>
          <CredentialItem credential={credential} lock={lock} onRevoked={onRevoked} onRescheduled={onRescheduled} focus={credential.id === focusId} />
        </li>
      ))}
    </ul>
  );
}

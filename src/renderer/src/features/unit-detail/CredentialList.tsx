import type { Credential } from '../../../../shared/domain';
import { CredentialItem } from './CredentialItem';

interface Props {
  credentials: readonly Credential[];
  onRevoked?: (credential: Credential) => void;
}

/** Active credentials first, newest first; revoked ones stay listed below for the record. */
export function CredentialList({ credentials, onRevoked }: Props) {
  if (credentials.length === 0) return <p className="muted">No one has access to this unit yet.</p>;
  const ordered = [...credentials].sort(
    (a, b) =>
      Number(b.status === 'active') - Number(a.status === 'active') || b.createdAt.localeCompare(a.createdAt),
  );
  return (
    <ul className="credential-list" aria-label="Credentials">
      {ordered.map((credential) => (
        <li key={credential.id}>
          <CredentialItem credential={credential} onRevoked={onRevoked} />
        </li>
      ))}
    </ul>
  );
}

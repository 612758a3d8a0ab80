import type { Credential } from '../../../../shared/domain';
import { isLive } from '../../components/credential-status';
import type { GrantLimits } from '../access/grant-form/grant-options';
import { CredentialItem } from './CredentialItem';

interface Props {
  credentials: readonly Credential[];
  /** Credentials of the unit this viewer is not shown (a kiosk sees what a kiosk granted here). */
  notShown: number;
  lock: GrantLimits['lock'];
  onRevoked?: (credential: Credential) => void;
  onRescheduled?: (credential: Credential) => void;
  /** The credential just granted here: focus goes to it when it arrives. */
  focusId?: string | null;
}

/** Everyone invited: live credentials first, newest first; ended ones stay listed below for the record. */
export function CredentialList({ credentials, notShown, lock, onRevoked, onRescheduled, focusId }: Props) {
  if (credentials.length === 0 && notShown === 0) return <p className="muted">No one has access to this unit yet.</p>;
  const ordered = [...credentials].sort(
    (a, b) => Number(isLive(b)) - Number(isLive(a)) || b.createdAt.localeCompare(a.createdAt),
  );
  return (
    <>
      {ordered.length > 0 && (
        <ul className="credential-list" aria-label="Guests with access">
          {ordered.map((credential) => (
            <li key={credential.id}>
              <CredentialItem credential={credential} lock={lock} onRevoked={onRevoked} onRescheduled={onRescheduled} focus={credential.id === focusId} />
            </li>
          ))}
        </ul>
      )}
      {notShown > 0 && <p className="muted">{notShownWords(notShown, ordered.length > 0)}</p>}
    </>
  );
}

/** The rest is counted, never named: who granted it can show and change it. */
function notShownWords(count: number, others: boolean): string {
  const what = `${count} ${others ? 'other ' : ''}${count === 1 ? 'credential' : 'credentials'} on this unit ${count === 1 ? 'was' : 'were'}`;
  return `${what} not granted at this kiosk: the leasing office can show and change ${count === 1 ? 'it' : 'them'}.`;
}

import type { Credential } from '../../shared/domain';
import type { CredentialScope } from '../../shared/credential-scope';
import type { CredentialRecord } from '../store/credentials-repo';

/** Granted by a kiosk on this console: the record-level twin of the store's kioskGrantedSql. */
export function kioskGranted(record: Pick<CredentialRecord, 'grantedByRole' | 'grantedElsewhere'>): boolean {
  return record.grantedByRole === 'kiosk' && !record.grantedElsewhere;
}

/** What `scope` may see of `records`, and how many it may not. */
export function visibleRecords(scope: CredentialScope, records: CredentialRecord[]): { shown: CredentialRecord[]; notShown: number } {
  const shown = scope === 'kiosk-granted' ? records.filter(kioskGranted) : records;
  return { shown, notShown: records.length - shown.length };
}

/** A credential as `scope` is shown it: maintenance's copy names no phone. */
export function shownAs(scope: CredentialScope, credential: Credential): Credential {
  return scope === 'no-phones' ? { ...credential, guest: { ...credential.guest, phone: null } } : credential;
}

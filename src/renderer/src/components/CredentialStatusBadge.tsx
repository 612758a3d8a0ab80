import type { CredentialStatus } from '../../../shared/domain';
import { credentialStatusLabel } from './labels';
import { StatusBadge } from './StatusBadge';

const tones = {
  scheduled: 'accent',
  active: 'good',
  used: 'neutral',
  expired: 'neutral',
  revoked: 'neutral',
} as const satisfies Record<CredentialStatus, string>;

/** Scheduled, Active, Used, Expired or Revoked, as a pill. */
export function CredentialStatusBadge({ status }: { status: CredentialStatus }) {
  return <StatusBadge tone={tones[status]}>{credentialStatusLabel(status)}</StatusBadge>;
}

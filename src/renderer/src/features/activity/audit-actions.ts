import { AuditAction } from '../../../../shared/domain';
import { assertNever } from '../../../../shared/errors';

/** What staff read for each kind of audit entry. */
export function auditActionLabel(action: AuditAction): string {
  switch (action) {
    case 'community.loaded':
      return 'Community loaded';
    case 'staff.signed_in':
      return 'Signed in';
    case 'staff.signed_out':
      return 'Signed out';
    case 'staff.sign_in_refused':
      return 'Sign-in refused';
    case 'access.granted':
      return 'Access granted';
    case 'access.refused':
      return 'Access refused';
    case 'access.revoked':
      return 'Access revoked';
    case 'access.rescheduled':
      return 'Access rescheduled';
    case 'access.resent':
      return 'Text resent';
    case 'access.expired':
      return 'Access expired';
    case 'access.bulk_granted':
      return 'Bulk access granted';
    default:
      return assertNever(action, 'audit action');
  }
}

export const auditActions: readonly AuditAction[] = AuditAction.options;

import { AuditAction } from '../../../../shared/domain';

/**
 * What staff read for each kind of audit entry. A Record, so a new action in the contract
 * does not compile until it has words here; an action from a newer core still reads, raw.
 */
const actionLabels: Record<AuditAction, string> = {
  'community.loaded': 'Community loaded',
  'community.guidelines_changed': 'Guidelines changed',
  'staff.signed_in': 'Signed in',
  'staff.signed_out': 'Signed out',
  'staff.sign_in_refused': 'Sign-in refused',
  'access.granted': 'Access granted',
  'access.bulk_granted': 'Bulk access granted',
  'access.refused': 'Access refused',
  'access.revoked': 'Access revoked',
  'access.rescheduled': 'Access rescheduled',
  'access.resent': 'Text resent',
  'access.code_handed_over': 'Code handed over',
  'access.expired': 'Access expired',
  'access.used': 'Credential used',
  'access.approval_requested': 'Approval asked',
  'access.approval_approved': 'Approval given',
  'access.approval_declined': 'Approval declined',
  'access.approval_expired': 'Approval request expired',
  'door.programmed': 'Door programmed',
  'door.clock_set': 'Door clock set',
  'door.reader_configured': 'Reader configured',
  'door.lock_assigned': 'Lock assigned to door',
  'door.job_failed': 'Door job failed',
  'door.event': 'Door record',
  'door.audit_gap': 'Door records missing',
  'door.code_dropped': 'Ended code off the door',
  'sync.received': 'From another console',
  'sync.rejected': 'Refused by the cloud',
  'audit.sealed': 'Log sealed with a key',
  'capacity.reserved_changed': 'Slots reserved for staff',
};

export function auditActionLabel(action: AuditAction): string {
  return actionLabels[action] ?? action;
}

export const auditActions: readonly AuditAction[] = AuditAction.options;

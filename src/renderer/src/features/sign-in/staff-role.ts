import type { Role } from '../../../../shared/domain';
import { assertNever } from '../../../../shared/errors';

/**
 * The words staff see for a role. (components/labels.ts has an older `roleLabel` that still
 * names 'manager'; this one follows the contract's roles until the two are merged.)
 */
export function staffRoleLabel(role: Role): string {
  switch (role) {
    case 'admin':
      return 'Admin';
    case 'leasing':
      return 'Leasing';
    case 'maintenance':
      return 'Maintenance';
    case 'kiosk':
      return 'Kiosk';
    default:
      return assertNever(role, 'role');
  }
}

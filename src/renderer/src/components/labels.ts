import type { AccessType, CredentialKind, DoorRef, DoorStatus } from '../../../shared/domain';
import { assertNever } from '../../../shared/errors';

/** The words staff see for domain values: one place, so every page says the same thing. */
export function credentialKindLabel(kind: CredentialKind): string {
  switch (kind) {
    case 'pin':
      return 'PIN code';
    case 'ble':
      return 'Bluetooth pass';
    default:
      return assertNever(kind, 'credential kind');
  }
}

export function credentialKindShort(kind: CredentialKind): string {
  return kind === 'pin' ? 'PIN' : 'BLE';
}

export function accessTypeLabel(type: AccessType): string {
  switch (type) {
    case 'permanent':
      return 'Permanent';
    case 'temporary':
      return 'Temporary';
    case 'recurring':
      return 'Recurring';
    case 'delivery':
      return 'Delivery';
    default:
      return assertNever(type, 'access type');
  }
}

export function doorStatusLabel(status: DoorStatus): string {
  switch (status) {
    case 'in_sync':
      return 'In sync';
    case 'pending':
      return 'Pending';
    case 'never_programmed':
      return 'Never programmed';
    default:
      return assertNever(status, 'door status');
  }
}

export function doorKindLabel(kind: DoorRef['kind']): string {
  switch (kind) {
    case 'unit':
      return 'Unit door';
    case 'entrance':
      return 'Entrance';
    case 'perimeter':
      return 'Perimeter';
    case 'amenity':
      return 'Amenity';
    case 'package_room':
      return 'Package room';
    default:
      return assertNever(kind, 'door kind');
  }
}

export function notificationLabel(status: 'queued' | 'sent' | 'failed'): string {
  switch (status) {
    case 'queued':
      return 'Notification queued';
    case 'sent':
      return 'Notification sent';
    case 'failed':
      return 'Notification failed';
    default:
      return assertNever(status, 'notification status');
  }
}

export function roleLabel(role: 'manager' | 'leasing' | 'maintenance' | 'kiosk'): string {
  return { manager: 'Manager', leasing: 'Leasing', maintenance: 'Maintenance', kiosk: 'Kiosk' }[role];
}

import type {
  AccessType,
  Audience,
  CredentialKind,
  CredentialStatus,
  DoorRef,
  DoorStatus,
  NotificationStatus,
  Role,
  Weekday,
} from '../../../shared/domain';
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

/** The guest's text message: "Text queued", "Text sent", "Text failed". */
export function notificationLabel(status: NotificationStatus): string {
  switch (status) {
    case 'queued':
      return 'Text queued';
    case 'sent':
      return 'Text sent';
    case 'failed':
      return 'Text failed';
    default:
      return assertNever(status, 'notification status');
  }
}

export function credentialStatusLabel(status: CredentialStatus): string {
  switch (status) {
    case 'scheduled':
      return 'Scheduled';
    case 'active':
      return 'Active';
    case 'used':
      return 'Used';
    case 'expired':
      return 'Expired';
    case 'revoked':
      return 'Revoked';
    default:
      return assertNever(status, 'credential status');
  }
}

export function audienceLabel(audience: Audience): string {
  return audience === 'vendor' ? 'Vendor' : 'Guest';
}

export const weekdayNames: Record<Weekday, { short: string; long: string }> = {
  mon: { short: 'Mon', long: 'Monday' },
  tue: { short: 'Tue', long: 'Tuesday' },
  wed: { short: 'Wed', long: 'Wednesday' },
  thu: { short: 'Thu', long: 'Thursday' },
  fri: { short: 'Fri', long: 'Friday' },
  sat: { short: 'Sat', long: 'Saturday' },
  sun: { short: 'Sun', long: 'Sunday' },
};

export function roleLabel(role: Role): string {
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

/** "Part of a visit covering 14 units": a vendor's bulk grant, one code and one text for all its units. */
export function visitLine(units: number): string {
  return `Part of a visit covering ${units} unit${units === 1 ? '' : 's'}`;
}

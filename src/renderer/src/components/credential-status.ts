import type { Credential } from '../../../shared/domain';

/** A credential staff can still act on: not yet ended by use, expiry or revocation. */
export function isLive(credential: Pick<Credential, 'status'>): boolean {
  return credential.status === 'scheduled' || credential.status === 'active';
}

/** "Unit door + 5 common doors", "4 common doors", "No doors". */
export function doorSummary(doors: Credential['doors']): string {
  const unit = doors.filter((d) => d.kind === 'unit').length;
  const common = doors.length - unit;
  const commonText = `${common} common door${common === 1 ? '' : 's'}`;
  if (unit === 0) return common === 0 ? 'No doors' : commonText;
  const unitText = unit === 1 ? 'Unit door' : `${unit} unit doors`;
  return common === 0 ? unitText : `${unitText} + ${commonText}`;
}

const doorOrder = { unit: 0, entrance: 1, perimeter: 2, package_room: 3, amenity: 4 } as const;

/** The unit door first, then the way in: entrance, gates, package room, amenities. */
export function orderedDoors(doors: Credential['doors']): Credential['doors'] {
  return [...doors].sort((a, b) => doorOrder[a.kind] - doorOrder[b.kind] || a.name.localeCompare(b.name));
}

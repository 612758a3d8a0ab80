import type { AccessType, Audience, CredentialKind, Guidelines, LockCapabilities, Role } from '../../../../../shared/domain';
import { assertNever } from '../../../../../shared/errors';
import { formatMinutes } from '../../../components/wall-clock';

/** What decides which kinds and types a grant may offer; the core checks all of it again. */
export interface GrantLimits {
  communityName: string;
  guidelines: Guidelines;
  role: Role | undefined;
  /** The unit door's lock; null for a bulk grant, where the core checks each unit's lock. */
  lock: { name: string; capabilities: LockCapabilities } | null;
}

export const accessTypes = ['permanent', 'temporary', 'recurring', 'delivery'] as const satisfies readonly AccessType[];
export const credentialKinds = ['pin', 'ble'] as const satisfies readonly CredentialKind[];

type ScheduleKind = LockCapabilities['scheduleKinds'][number];

const lockPhrase: Record<ScheduleKind, string> = {
  year_day: 'date schedules',
  week_day: 'weekly schedules',
  one_time: 'one-time codes',
};
const kindPlural: Record<CredentialKind, string> = { pin: 'PIN codes', ble: 'Bluetooth passes' };

/** The schedule kinds the unit door's lock needs for a type (recurring dates need year_day too). */
const needs: Record<AccessType, ScheduleKind[]> = {
  permanent: [],
  temporary: ['year_day'],
  recurring: ['week_day'],
  delivery: ['one_time'],
};

/** A delivery code may stay off the unit door: then the unit's lock does not take part. */
function usesUnitDoor(limits: GrantLimits, type: AccessType): boolean {
  return type !== 'delivery' || limits.guidelines.deliveryOpens === 'unit_and_common';
}

/** Why this kind of credential cannot have this type here, or null when it can. */
export function whyTypeUnavailable(limits: GrantLimits, kind: CredentialKind, type: AccessType): string | null {
  const { guidelines, lock, role } = limits;
  if (kind === 'ble' && (type === 'recurring' || type === 'delivery')) return 'Not for Bluetooth passes';
  if (!(guidelines.allowedTypes[kind] as readonly AccessType[]).includes(type))
    return `Not allowed at ${limits.communityName}`;
  if (role === 'kiosk' && !guidelines.kioskTypes.includes(type)) return 'Not from a kiosk';
  if (lock && usesUnitDoor(limits, type)) {
    if (!lock.capabilities.credentialKinds.includes(kind)) return `Lock holds no ${kindPlural[kind]}`;
    const missing = needs[type].find((k) => !lock.capabilities.scheduleKinds.includes(k));
    if (missing) return `Lock has no ${lockPhrase[missing]}`;
  }
  return null;
}

/** Why a kind cannot be offered at all (no type works with it), or null. */
export function whyKindUnavailable(limits: GrantLimits, kind: CredentialKind): string | null {
  if (accessTypes.some((type) => whyTypeUnavailable(limits, kind, type) === null)) return null;
  const { lock } = limits;
  if (lock && !lock.capabilities.credentialKinds.includes(kind)) return `The ${lock.name} lock cannot hold it`;
  return whyTypeUnavailable(limits, kind, 'permanent') ?? 'Not available here';
}

/** A kind the unit's lock cannot hold may still open the common doors for a delivery. */
export function kindNote(limits: GrantLimits, kind: CredentialKind): string | null {
  const { lock } = limits;
  if (!lock || lock.capabilities.credentialKinds.includes(kind) || whyKindUnavailable(limits, kind)) return null;
  return 'Delivery codes only (common doors)';
}

/** Vendor access the guidelines keep for admins: leasing asks an admin instead of granting. */
export function needsApproval(limits: GrantLimits, audience: Audience): boolean {
  return audience === 'vendor' && limits.guidelines.vendorNeedsManagerApproval && limits.role !== 'admin';
}

/** Leasing may ask an admin for vendor access; anyone else the guidelines rule out cannot choose it. */
export function whyAudienceUnavailable(limits: GrantLimits, audience: Audience): string | null {
  if (needsApproval(limits, audience) && limits.role !== 'leasing') return 'Needs an admin’s approval';
  return null;
}

/** What choosing the audience means here: "Ask an admin" where a vendor needs one's approval. */
export function audienceNote(limits: GrantLimits, audience: Audience): string | undefined {
  return needsApproval(limits, audience) && limits.role === 'leasing' ? 'Ask an admin to approve' : undefined;
}

/** Whether a weekly schedule may be limited to dates (the lock needs year-day schedules for that). */
export function recurringDatesUnavailable(limits: GrantLimits): string | null {
  const { lock } = limits;
  if (lock && !lock.capabilities.scheduleKinds.includes('year_day'))
    return `The ${lock.name} lock cannot limit a weekly schedule to dates`;
  return null;
}

export function typeDescription(limits: GrantLimits, type: AccessType): string {
  switch (type) {
    case 'permanent':
      return 'Until revoked';
    case 'temporary':
      return `Up to ${limits.guidelines.maxTemporaryDays} days`;
    case 'recurring':
      return 'Set days and hours';
    case 'delivery':
      return `One-time, ${formatMinutes(limits.guidelines.deliveryWindowMinutes)}`;
    default:
      return assertNever(type, 'access type');
  }
}

/** The first kind that works, preferring one the unit's own lock holds over a delivery-only one. */
export function firstKind(limits: GrantLimits): CredentialKind {
  const available = credentialKinds.filter((k) => whyKindUnavailable(limits, k) === null);
  return available.find((k) => kindNote(limits, k) === null) ?? available[0] ?? 'pin';
}

/** The type to keep when the kind changes: the current one if it still works, else the first that does. */
export function fittingType(limits: GrantLimits, kind: CredentialKind, preferred: AccessType): AccessType {
  if (whyTypeUnavailable(limits, kind, preferred) === null) return preferred;
  return accessTypes.find((t) => whyTypeUnavailable(limits, kind, t) === null) ?? preferred;
}

/** A form opens on what can be granted at once: a vendor that needs an admin's approval is chosen, not preset. */
export function fittingAudience(limits: GrantLimits, preferred: Audience): Audience {
  return whyAudienceUnavailable(limits, preferred) === null && !needsApproval(limits, preferred) ? preferred : 'guest';
}

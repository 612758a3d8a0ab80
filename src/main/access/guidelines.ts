import type { Audience, Community, CredentialKind, ScheduleRequest, StaffMember } from '../../shared/domain';
import { PorterError } from '../../shared/errors';

export const typeNames = { permanent: 'Permanent', temporary: 'Temporary', recurring: 'Recurring', delivery: 'Delivery' } as const;
export const kindNames = { pin: 'PIN code', ble: 'Bluetooth pass' } as const;
export const kindPlurals = { pin: 'PIN codes', ble: 'Bluetooth passes' } as const;

interface Ask {
  kind: CredentialKind;
  audience: Audience;
  guest: { company?: string };
  /** Only its type is read: a resolved schedule will do (finishing a bulk run). */
  schedule: { type: ScheduleRequest['type'] };
}

/**
 * What the community's guidelines allow this staff member to issue. Durations are checked
 * with the schedule (checkSchedule); lock capabilities with the doors (doorsForGrant).
 */
export function checkGuidelines(community: Community, actor: StaffMember, ask: Ask): void {
  const g = community.guidelines;
  const type = ask.schedule.type;
  const allowed: readonly string[] = g.allowedTypes[ask.kind];
  if (!allowed.includes(type))
    throw new PorterError('not_allowed', `${community.name} does not allow ${typeNames[type]} ${kindPlurals[ask.kind]}.`, 'schedule.type');
  if (actor.role === 'kiosk' && !g.kioskTypes.includes(type))
    throw new PorterError('forbidden', `A kiosk may not issue ${typeNames[type]} access; ask the leasing office.`, 'schedule.type');
  if (ask.audience === 'vendor') {
    if (!ask.guest.company) throw new PorterError('invalid_input', 'Enter the vendor’s company.', 'guest.company');
    if (g.vendorNeedsManagerApproval && actor.role !== 'admin')
      throw new PorterError('forbidden', `Vendor access at ${community.name} needs a manager’s approval: ask an admin to grant it.`, 'audience');
  }
}

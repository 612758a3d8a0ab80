import type { Role } from '../../shared/domain';
import type { CommunityRecord } from '../store/cloud-store';
import type { GrantPayload } from './mutation-payloads';
import { MutationRefused } from './refusal';
import { longerThanDays } from './schedule-rules';
import { kindPlurals, possessive, typeNames } from './words';


/**
 * Holds a grant to the community's guidelines as the cloud has them now, which may be
 * newer than what the console knew when it granted (a kiosk offline for days).
 */
export function checkGrantGuidelines(community: CommunityRecord, role: Role, ownGrantsOnly: boolean, grant: GrantPayload): void {
  const g = community.guidelines;
  const type = grant.schedule.type;
  const allowed: readonly string[] = g.allowedTypes[grant.kind];
  if (!allowed.includes(type))
    throw new MutationRefused('not_allowed', `${community.name} does not allow ${typeNames[type]} ${kindPlurals[grant.kind]}.`);
  if ((role === 'kiosk' || ownGrantsOnly) && !g.kioskTypes.includes(type))
    throw new MutationRefused('forbidden', `A kiosk may not issue ${typeNames[type]} access under ${possessive(community.name)} guidelines; ask the leasing office.`);
  if (longerThanDays(grant.schedule, g.maxTemporaryDays))
    throw new MutationRefused('not_allowed', `Temporary access may last at most ${g.maxTemporaryDays === 1 ? '1 day' : `${g.maxTemporaryDays} days`} under ${possessive(community.name)} guidelines.`);
  if (grant.audience === 'vendor') {
    if (!grant.guest.company) throw new MutationRefused('invalid_payload', 'A vendor’s access needs the vendor’s company.');
    if (g.vendorNeedsManagerApproval && role !== 'admin')
      throw new MutationRefused('not_allowed', `Vendor access at ${community.name} needs a manager’s approval: ask an admin to grant it.`);
  }
}

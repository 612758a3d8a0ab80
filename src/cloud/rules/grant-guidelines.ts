import type { Role } from '../../shared/domain';
import { guidelineRefusal, type GuidelineBreach } from '../../shared/rules/grant-guidelines';
import { longerThanDays, tooLongMessage } from '../../shared/rules/schedule-rules';
import type { GrantPayload, RefusalCode } from '../../shared/sync';
import type { CommunityRecord } from '../store/cloud-store';
import { MutationRefused } from './refusal';

/** The cloud's answer code for each breach (src/shared/rules/grant-guidelines.ts is the rule). */
const codes: Record<GuidelineBreach, RefusalCode> = {
  type_not_allowed: 'not_allowed',
  kiosk_type: 'forbidden',
  vendor_company: 'invalid_payload',
  vendor_needs_admin: 'not_allowed',
};

/**
 * Holds a grant to the community's guidelines as the cloud has them now, which may be
 * newer than what the console knew when it granted (a kiosk offline for days).
 */
export function checkGrantGuidelines(community: CommunityRecord, role: Role, ownGrantsOnly: boolean, grant: GrantPayload): void {
  const g = community.guidelines;
  const refusal = guidelineRefusal(g, community.name, { role, kioskRules: ownGrantsOnly }, grant);
  if (refusal) throw new MutationRefused(codes[refusal.breach], refusal.message);
  if (longerThanDays(grant.schedule, g.maxTemporaryDays)) throw new MutationRefused('not_allowed', tooLongMessage(g.maxTemporaryDays, community.name));
}

import type { Audience, Community, CredentialKind, ScheduleRequest, StaffMember } from '../../shared/domain';
import { PorterError } from '../../shared/errors';
import { guidelineRefusal } from '../../shared/rules/grant-guidelines';
export { kindNames, kindPlurals, typeNames } from '../../shared/rules/words';

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
 * `askingApproval`: leasing asks an admin to approve vendor access (request-vendor-approval.ts).
 */
export function checkGuidelines(community: Community, actor: StaffMember, ask: Ask, options: { askingApproval?: boolean } = {}): void {
  // The rule both sides hold grants to (src/shared/rules/grant-guidelines.ts).
  const refusal = guidelineRefusal(community.guidelines, community.name, { role: actor.role, kioskRules: false }, ask);
  // Asking an admin's approval is what a vendor's access needs: every other rule still holds.
  if (refusal?.breach === 'vendor_needs_admin' && options.askingApproval) return;
  if (refusal) throw new PorterError(refusal.breach === 'vendor_company' ? 'invalid_input' : refusal.breach === 'type_not_allowed' ? 'not_allowed' : 'forbidden', refusal.message, refusal.field);
}

import type { Audience, CredentialKind, Guidelines, Role } from '../domain';
import { kindPlurals, possessive, typeNames } from './words';

/** Which guideline a grant breaks; each side gives it its own error code. */
export type GuidelineBreach = 'type_not_allowed' | 'kiosk_type' | 'vendor_company' | 'vendor_needs_admin';

export interface GuidelineRefusal {
  breach: GuidelineBreach;
  /** The sentence staff read, on the console's form or in the cloud's answer. */
  message: string;
  /** The grant request's field it is about. */
  field: string;
}

export interface GrantAsk {
  kind: CredentialKind;
  audience: Audience;
  guest: { company?: string | null | undefined };
  /** Only its type is read. */
  schedule: { type: keyof typeof typeNames };
}

/**
 * What a community's guidelines allow: the types allowed per kind, the kiosk's set (for the
 * kiosk, and for anyone acting on a kiosk console: `kioskRules`), vendors with their company
 * and, where the guidelines say so, granted by an admin. Durations are checked with the
 * schedule (schedule-length.ts). Answers the first refusal, or null.
 */
export function guidelineRefusal(guidelines: Guidelines, communityName: string, who: { role: Role; kioskRules: boolean }, ask: GrantAsk): GuidelineRefusal | null {
  const type = ask.schedule.type;
  const allowed: readonly string[] = guidelines.allowedTypes[ask.kind];
  if (!allowed.includes(type))
    return { breach: 'type_not_allowed', message: `${communityName} does not allow ${typeNames[type]} ${kindPlurals[ask.kind]}.`, field: 'schedule.type' };
  if ((who.role === 'kiosk' || who.kioskRules) && !guidelines.kioskTypes.includes(type))
    return { breach: 'kiosk_type', message: `A kiosk may not issue ${typeNames[type]} access under ${possessive(communityName)} guidelines; ask the leasing office.`, field: 'schedule.type' };
  if (ask.audience === 'vendor') {
    if (!ask.guest.company) return { breach: 'vendor_company', message: 'Enter the vendor’s company: a vendor’s access needs it.', field: 'guest.company' };
    if (guidelines.vendorNeedsManagerApproval && who.role !== 'admin')
      return { breach: 'vendor_needs_admin', message: `Vendor access at ${communityName} needs a manager’s approval: ask an admin to grant it.`, field: 'audience' };
  }
  return null;
}

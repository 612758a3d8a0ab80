import type { CalendarDateTime } from '@internationalized/date';
import type { AccessType, Audience, CredentialKind } from '../../../../../shared/domain';
import { fittingAudience, fittingType, firstKind, type GrantLimits } from './grant-options';
import { emptyGuest, toGuestInput, type GuestDraft } from './guest-draft';
import { newScheduleDraft, toScheduleRequest, type ScheduleDraft } from './schedule-draft';

/** Everything a grant form holds: the credential kind, who gets it, and when. */
export interface GrantDraft {
  kind: CredentialKind;
  guest: GuestDraft;
  schedule: ScheduleDraft;
  /** Why the vendor needs access, for the admin asked to approve it (only where approval is needed). */
  approvalReason: string;
}

/** The fields a grant form shows, so the core's refusals naming them are said next to them. */
export const grantFormFields = [
  'kind',
  'audience',
  'guest.name',
  'guest.phone',
  'guest.company',
  'schedule',
  'schedule.type',
  'schedule.starts',
  'schedule.ends',
  'schedule.days',
  'schedule.from',
  'schedule.until',
  'schedule.startsOn',
  'schedule.endsOn',
  'reason',
] as const;

export function newGrantDraft(
  limits: GrantLimits,
  now: CalendarDateTime,
  preferred: { type?: AccessType; audience?: Audience } = {},
): GrantDraft {
  const kind = firstKind(limits);
  return {
    kind,
    guest: { ...emptyGuest, audience: fittingAudience(limits, preferred.audience ?? 'guest') },
    schedule: newScheduleDraft(fittingType(limits, kind, preferred.type ?? 'permanent'), now),
    approvalReason: '',
  };
}

/** Another kind keeps the type if it still fits, else takes the first type that does. */
export function withKind(limits: GrantLimits, draft: GrantDraft, kind: CredentialKind): GrantDraft {
  return { ...draft, kind, schedule: { ...draft.schedule, type: fittingType(limits, kind, draft.schedule.type) } };
}

/** What a grant asks the core for, whatever its target; null while a required schedule field is empty. */
export function toGrantRequest(draft: GrantDraft) {
  const schedule = toScheduleRequest(draft.schedule);
  if (!schedule) return null;
  return { kind: draft.kind, audience: draft.guest.audience, guest: toGuestInput(draft.guest), schedule };
}

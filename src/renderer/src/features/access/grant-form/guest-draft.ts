import type { Audience } from '../../../../../shared/domain';

/** Who gets access, as the guest fields hold it while staff type. */
export interface GuestDraft {
  audience: Audience;
  name: string;
  phone: string;
  company: string;
}

export const emptyGuest: GuestDraft = { audience: 'guest', name: '', phone: '', company: '' };

/** The guest part of a grant request; the company only for a vendor. */
export function toGuestInput(guest: GuestDraft) {
  const company = guest.company.trim();
  return {
    name: guest.name.trim(),
    phone: guest.phone.trim(),
    ...(guest.audience === 'vendor' && company ? { company } : {}),
  };
}

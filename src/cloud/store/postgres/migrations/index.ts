import { initial } from './001-initial';
import { communities } from './002-communities';
import { sharedLimits } from './003-shared-limits';
import { guestLinks } from './004-guest-links';
import { vendorVisits } from './005-vendor-visits';
import { vendorApprovals } from './006-vendor-approvals';

/** Numbered, append-only: never edit a shipped migration, add the next number. */
export const migrations: readonly { version: number; name: string; sql: string }[] = [
  { version: 1, name: 'initial', sql: initial },
  { version: 2, name: 'communities', sql: communities },
  { version: 3, name: 'shared-limits', sql: sharedLimits },
  { version: 4, name: 'guest-links', sql: guestLinks },
  { version: 5, name: 'vendor-visits', sql: vendorVisits },
  { version: 6, name: 'vendor-approvals', sql: vendorApprovals },
];

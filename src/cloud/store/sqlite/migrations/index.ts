import { initial } from './001-initial';
import { auditAnchors } from './002-audit-anchors';
import { staffIdentity } from './003-staff-identity';
import { pinLeases } from './004-pin-leases';
import { grantedRole } from './005-granted-role';
import { communities } from './007-communities';
import { attemptLimits } from './008-attempt-limits';
import { guestLinks } from './009-guest-links';
import { vendorVisits } from './010-vendor-visits';
import { vendorApprovals } from './011-vendor-approvals';

/** Numbered, append-only: never edit a shipped migration, add the next number. */
/** rebuildsTables: runs with foreign keys off (SQLite cannot change a key in place), and checks them all before it commits. */
export const migrations: readonly { version: number; name: string; sql: string; rebuildsTables?: boolean }[] = [
  { version: 1, name: 'initial', sql: initial },
  { version: 2, name: 'audit-anchors', sql: auditAnchors },
  { version: 3, name: 'staff-identity', sql: staffIdentity },
  { version: 4, name: 'pin-leases', sql: pinLeases },
  { version: 5, name: 'granted-role', sql: grantedRole },
  { version: 7, name: 'communities', sql: communities, rebuildsTables: true },
  { version: 8, name: 'attempt-limits', sql: attemptLimits },
  { version: 9, name: 'guest-links', sql: guestLinks },
  { version: 10, name: 'vendor-visits', sql: vendorVisits },
  { version: 11, name: 'vendor-approvals', sql: vendorApprovals },
];

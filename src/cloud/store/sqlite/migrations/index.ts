import { initial } from './001-initial';
import { auditAnchors } from './002-audit-anchors';
import { staffIdentity } from './003-staff-identity';
import { pinLeases } from './004-pin-leases';
import { grantedRole } from './005-granted-role';

/** Numbered, append-only: never edit a shipped migration, add the next number. */
export const migrations: readonly { version: number; name: string; sql: string }[] = [
  { version: 1, name: 'initial', sql: initial },
  { version: 2, name: 'audit-anchors', sql: auditAnchors },
  { version: 3, name: 'staff-identity', sql: staffIdentity },
  { version: 4, name: 'pin-leases', sql: pinLeases },
  { version: 5, name: 'granted-role', sql: grantedRole },
];

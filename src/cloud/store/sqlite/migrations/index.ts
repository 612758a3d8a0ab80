import { initial } from './001-initial';
import { pinLeases } from './004-pin-leases';

/** Numbered, append-only: never edit a shipped migration, add the next number. */
export const migrations: readonly { version: number; name: string; sql: string }[] = [
  { version: 1, name: 'initial', sql: initial },
  { version: 4, name: 'pin-leases', sql: pinLeases },
];

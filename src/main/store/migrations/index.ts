import { initial } from './001-initial';
import { gridIndexes } from './002-grid-indexes';
import { doorHardware } from './003-door-hardware';
import { outboxActor } from './004-outbox-actor';
import { searchMerging } from './005-search-merging';
import { credentialOrigin } from './006-credential-origin';
import { lockKeys } from './007-lock-keys';
import { doorUseById } from './010-door-use-by-id';

/** Numbered, append-only: never edit a shipped migration, add the next number. */
export const migrations: readonly { version: number; name: string; sql: string }[] = [
  { version: 1, name: 'initial', sql: initial },
  { version: 2, name: 'grid-indexes', sql: gridIndexes },
  { version: 3, name: 'door-hardware', sql: doorHardware },
  { version: 4, name: 'outbox-actor', sql: outboxActor },
  { version: 5, name: 'search-merging', sql: searchMerging },
  { version: 6, name: 'credential-origin', sql: credentialOrigin },
  { version: 7, name: 'lock-keys', sql: lockKeys },
  { version: 10, name: 'door-use-by-id', sql: doorUseById },
];

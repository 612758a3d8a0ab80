import { initial } from './001-initial';
import { gridIndexes } from './002-grid-indexes';
import { doorHardware } from './003-door-hardware';
import { outboxActor } from './004-outbox-actor';
import { searchMerging } from './005-search-merging';
import { credentialOrigin } from './006-credential-origin';
import { lockKeys } from './007-lock-keys';
import { storeIdAndSpentCodes } from './008-store-id-and-spent-codes';
import { throttleRunsGrantor } from './009-throttle-runs-grantor';
import { doorUseById } from './010-door-use-by-id';
import { allowWithheldPins, pinLease } from './011-pin-lease';
import { outboxActorKinds } from './013-outbox-actor-kinds';
import { liveLocks } from './014-live-locks';
import { slotReservations } from './015-slot-reservations';
import { exposureIndex } from './016-exposure-index';
import { submissions } from './018-submissions';
import { codeHandOver } from './019-code-hand-over';
import { vendorApprovals } from './020-vendor-approvals';
import { endedCredentialsIndex } from './021-ended-credentials-index';
import { credentialsNewestFirst } from './022-credentials-newest-first';
import { unitGuestsLiveIndex } from './023-unit-guests-live-index';
import { deferredUnitSearch } from './024-deferred-unit-search';
import { vendorVisits } from './025-vendor-visits';
import { deferredUnitCounts } from './026-deferred-unit-counts';
import { deferredGuestSearch } from './027-deferred-guest-search';
import type { Db } from '../database';

/** Numbered, append-only: never edit a shipped migration, add the next number. */
/** `after` runs in the migration's transaction, after its SQL: for what SQL alone cannot say. */
export const migrations: readonly { version: number; name: string; sql: string; after?: (db: Db) => void }[] = [
  { version: 1, name: 'initial', sql: initial },
  { version: 2, name: 'grid-indexes', sql: gridIndexes },
  { version: 3, name: 'door-hardware', sql: doorHardware },
  { version: 4, name: 'outbox-actor', sql: outboxActor },
  { version: 5, name: 'search-merging', sql: searchMerging },
  { version: 6, name: 'credential-origin', sql: credentialOrigin },
  { version: 7, name: 'lock-keys', sql: lockKeys },
  { version: 8, name: 'store-id-and-spent-codes', sql: storeIdAndSpentCodes },
  { version: 9, name: 'throttle-runs-grantor', sql: throttleRunsGrantor },
  { version: 10, name: 'door-use-by-id', sql: doorUseById },
  { version: 11, name: 'pin-lease', sql: pinLease, after: allowWithheldPins },
  // 012 is issue 13's store work, on its own branch.
  { version: 13, name: 'outbox-actor-kinds', sql: outboxActorKinds },
  { version: 14, name: 'live-locks', sql: liveLocks },
  { version: 15, name: 'slot-reservations', sql: slotReservations },
  { version: 16, name: 'exposure-index', sql: exposureIndex },
  // 017 is issue 16's door preview, on its own branch.
  { version: 18, name: 'submissions', sql: submissions },
  { version: 19, name: 'code-hand-over', sql: codeHandOver },
  { version: 20, name: 'vendor-approvals', sql: vendorApprovals },
  { version: 21, name: 'ended-credentials-index', sql: endedCredentialsIndex },
  { version: 22, name: 'credentials-newest-first', sql: credentialsNewestFirst },
  { version: 23, name: 'unit-guests-live-index', sql: unitGuestsLiveIndex },
  { version: 24, name: 'deferred-unit-search', sql: deferredUnitSearch },
  { version: 25, name: 'vendor-visits', sql: vendorVisits },
  { version: 26, name: 'deferred-unit-counts', sql: deferredUnitCounts },
  { version: 27, name: 'deferred-guest-search', sql: deferredGuestSearch },
];

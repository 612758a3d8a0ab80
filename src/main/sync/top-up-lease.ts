import type { Db } from '../store/database';
import { heldLeasedPins, leaseRunsLow, storeLease } from '../store/pin-lease-repo';
import { CloudFailure, type CloudClient } from './cloud-client';

/**
 * The round's last step: when the code lease runs low (or half its life is gone), asks the
 * cloud for more, telling it which codes this console still holds, and keeps the answer.
 * After the push, so codes this console just used are already the cloud's. A cloud that
 * leases no codes (an older one) or answers one this console cannot read is not a failed
 * round: the lease stays as it was, and grants draw their own codes, which the cloud replaces
 * as for a console that ran out. Answers whether a lease was kept.
 */
export async function topUpLease(db: Db, client: CloudClient, now: () => Date, signal?: AbortSignal): Promise<boolean> {
  if (!leaseRunsLow(db, now())) return false;
  try {
    storeLease(db, await client.leasePins(heldLeasedPins(db), signal), now());
    return true;
  } catch (error) {
    if (error instanceof CloudFailure && (error.kind === 'refused' || error.kind === 'malformed')) return false;
    throw error;
  }
}

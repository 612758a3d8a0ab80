import type { Db } from '../store/database';
import { heldLeasedPins, leaseRunsLow, storeLease } from '../store/pin-lease-repo';
import type { CloudClient } from './cloud-client';

/**
 * The round's last step: when the code lease runs low (or half its life is gone), asks the
 * cloud for more, telling it which codes this console still holds, and keeps the answer.
 * Runs after the push, so codes this console just used are already the cloud's. Answers
 * whether it asked.
 */
export async function topUpLease(db: Db, client: CloudClient, now: () => Date, signal?: AbortSignal): Promise<boolean> {
  if (!leaseRunsLow(db, now())) return false;
  const answer = await client.leasePins(heldLeasedPins(db), signal);
  storeLease(db, answer, now());
  return true;
}

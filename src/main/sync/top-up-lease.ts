import { z } from 'zod';
import type { Db } from '../store/database';
import { heldLeasedPins, leaseRunsLow, storeLease } from '../store/pin-lease-repo';
import { CloudFailure, type CloudClient } from './cloud-client';

/** The cloud's answer as this console will store it: a code not of its length is not a code to grant. */
const PinLeaseAnswer = z.object({
  expiresAt: z.iso.datetime({ offset: true }),
  lengths: z
    .array(z.object({ length: z.number().int().min(4).max(12), size: z.number().int().min(0), codes: z.array(z.string().regex(/^\d{4,12}$/)) }))
    .refine((ls) => ls.every((l) => l.codes.every((c) => c.length === l.length)), 'a code of another length'),
});

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
  let raw: unknown;
  try {
    raw = await client.leasePins(heldLeasedPins(db), signal);
  } catch (error) {
    if (error instanceof CloudFailure && error.kind === 'refused') return false;
    throw error;
  }
  const answer = PinLeaseAnswer.safeParse(raw);
  if (!answer.success) return false;
  storeLease(db, answer.data, now());
  return true;
}

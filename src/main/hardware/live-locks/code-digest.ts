import { createHash } from 'node:crypto';

/**
 * What the console keeps of a code a lock reported: a digest, salted with the door and the
 * slot, to tell "the lock holds what we wrote" without a second copy of a guest's code. The
 * code itself stays on its credential (and on the lock).
 */
export function codeDigest(doorId: string, slot: number, code: string): string {
  return createHash('sha256').update(`porter-live-code:${doorId}:${slot}:${code}`).digest('base64url');
}

/** Locks that mask the codes they report ("******") say nothing of which code a slot holds. */
export const isMasked = (code: string): boolean => code.length > 0 && !/^\d+$/.test(code);

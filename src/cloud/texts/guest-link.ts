import { createHash, randomBytes } from 'node:crypto';

/**
 * The token in a text's link to the guest's code page: 32 random bytes, so a link cannot be
 * guessed, and never the credential id, which staff, kiosks and logs all see. The cloud keeps
 * only its hash (text_outbox.link_token_hash).
 */
export function newGuestLinkToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashGuestLinkToken(token) };
}

export function hashGuestLinkToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A token as newGuestLinkToken makes them: anything else is no link of ours, and is not looked up. */
export const guestLinkTokenPattern = /^[A-Za-z0-9_-]{43}$/;

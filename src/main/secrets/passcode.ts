import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

// scrypt with Node's defaults (N=16384, r=8, p=1): slow enough to make a stolen store's
// passcodes costly to guess, quick enough for a sign-in.
const keyLength = 32;

/** "scrypt$<salt>$<hash>", both base64url. */
export function hashPasscode(passcode: string): string {
  const salt = randomBytes(16);
  return `scrypt$${salt.toString('base64url')}$${scryptSync(passcode, salt, keyLength).toString('base64url')}`;
}

export function passcodeMatches(passcode: string, stored: string): boolean {
  const [scheme, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const actual = scryptSync(passcode, Buffer.from(salt, 'base64url'), expected.length);
  return timingSafeEqual(actual, expected);
}

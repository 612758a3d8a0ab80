import { randomBytes, scrypt, scryptSync, timingSafeEqual, type BinaryLike } from 'node:crypto';

/*
 * Staff passcodes as the cloud keeps them: scrypt with Node's defaults (N=16384, r=8, p=1),
 * "scrypt$<salt>$<hash>" in base64url, the same format as the console's
 * (src/main/staff/passcode.ts), which the cloud may not import. Checking runs in libuv's
 * pool, so a sign-in does not hold up the cloud's other requests.
 */
const keyLength = 32;

export function hashPasscode(passcode: string): string {
  const salt = randomBytes(16);
  return `scrypt$${salt.toString('base64url')}$${scryptSync(passcode, salt, keyLength).toString('base64url')}`;
}

function scryptAsync(passcode: BinaryLike, salt: BinaryLike, length: number): Promise<Buffer> {
  return new Promise((resolve, reject) => scrypt(passcode, salt, length, (error, key) => (error ? reject(error) : resolve(key))));
}

/** A hash nobody's passcode matches: checked against when the staff member is unknown, so both take as long. */
let nobody: string | null = null;

/** Whether the passcode matches; with no stored hash it still takes one scrypt and answers false. */
export async function passcodeMatches(passcode: string, stored: string | null): Promise<boolean> {
  nobody ??= hashPasscode(randomBytes(16).toString('hex'));
  const [scheme, salt, hash] = (stored ?? nobody).split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const actual = await scryptAsync(passcode, Buffer.from(salt, 'base64url'), expected.length);
  return stored !== null && timingSafeEqual(actual, expected);
}

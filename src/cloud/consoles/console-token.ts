import { createHash, randomBytes } from 'node:crypto';

/** 32 random bytes, base64url: what a console keeps in its keychain and sends as a bearer token. */
export function newConsoleToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The store keeps only the SHA-256 of a token: a leaked store holds no usable token. */
export function hashConsoleToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

const tokenShape = /^[A-Za-z0-9_-]{43}$/;

/** The token in `Authorization: Bearer <token>`, or null when the header is missing or malformed. */
export function bearerToken(header: string | undefined): string | null {
  const match = header?.match(/^Bearer\s+(\S+)\s*$/i);
  const token = match?.[1];
  return token && tokenShape.test(token) ? token : null;
}

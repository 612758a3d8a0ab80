import { createHash, randomInt } from 'node:crypto';

/** Crockford's base32: no I, L, O or U, so a code read aloud or off a screen is typed right. */
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const groups = 3;
const groupLength = 4;

/** Pairing codes last a day: long enough to walk to the console, short enough to go stale. */
export const pairingCodeLifetimeMs = 24 * 60 * 60 * 1000;

/** 12 characters (60 bits) in groups: "7KQ2-M9XD-4TRB". */
export function newPairingCode(): string {
  const parts: string[] = [];
  for (let g = 0; g < groups; g++) {
    let part = '';
    for (let i = 0; i < groupLength; i++) part += alphabet[randomInt(alphabet.length)];
    parts.push(part);
  }
  return parts.join('-');
}

/** Forgives what people do when typing a code: case, dashes, spaces, O for 0, I or L for 1. */
export function normalizePairingCode(typed: string): string {
  return typed
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}

/** The store keeps only this, so a copy of the store cannot pair a console. */
export function hashPairingCode(typed: string): string {
  return createHash('sha256').update(normalizePairingCode(typed)).digest('hex');
}

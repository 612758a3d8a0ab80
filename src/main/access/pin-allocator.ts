import { randomInt } from 'node:crypto';

/** The blocklist both sides hold codes to (src/shared/rules/pin-blocklist.ts). */
import { isTrivialPin as isBlocklisted } from '../../shared/rules/pin-blocklist';
export { isBlocklisted };

/** A door's say on a candidate code: does it clash with a code live there? */
export interface PinDoor {
  clashes(code: string): boolean;
}

/**
 * A door judged from its live codes. Without an Enter key a lock opens as soon as a prefix
 * matches, so there no code may be a prefix of another; with one, only equal codes clash.
 */
export function doorWithCodes(takenCodes: readonly string[], hasEnterKey: boolean): PinDoor {
  const taken = new Set(takenCodes);
  return {
    clashes: (code) =>
      hasEnterKey ? taken.has(code) : takenCodes.some((t) => t.startsWith(code) || code.startsWith(t)),
  };
}

/**
 * Draws a PIN code of `length` digits from a cryptographic generator that is not
 * blocklisted and is unique (and prefix-free where needed) on every door it will open.
 * Returns null when no such code turned up, which means the doors' code space is crowded.
 */
export function drawPin(length: number, doors: readonly PinDoor[], attempts = 200): string | null {
  for (let i = 0; i < attempts; i++) {
    const code = String(randomInt(0, 10 ** length)).padStart(length, '0');
    if (isBlocklisted(code)) continue;
    if (doors.some((door) => door.clashes(code))) continue;
    return code;
  }
  return null;
}

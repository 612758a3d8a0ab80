import { randomInt } from 'node:crypto';

/** Codes people guess first: beyond the patterns below. */
const commonCodes = new Set(['1212', '1004', '2000', '6969', '4321', '1122', '7777', '2580', '0852', '5683', '123123', '112233', '121212', '654321', '696969', '102030']);

/** True for codes a guesser tries first: repeats, runs, common codes, years and dates. */
export function isBlocklisted(code: string): boolean {
  if (commonCodes.has(code)) return true;
  if (/^(\d)\1+$/.test(code)) return true; // 1111
  const digits = [...code].map(Number);
  const steps = digits.slice(1).map((d, i) => (d - digits[i]! + 10) % 10);
  if (steps.every((s) => s === 1) || steps.every((s) => s === 9)) return true; // 1234, 4321, 8901
  if (/^(\d\d)\1+$/.test(code) || /^(\d{3})\1$/.test(code)) return true; // 1212, 123123
  if (code.length === 4 && /^(19|20)\d\d$/.test(code)) return true; // a year
  if (code.length === 6 && /^(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\d\d$/.test(code)) return true; // MMDDYY
  return false;
}

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

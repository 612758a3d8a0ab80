import { randomInt } from 'node:crypto';

/** Codes people guess first, beyond the patterns below (the console keeps the same list). */
const commonCodes = new Set(['1212', '1004', '2000', '6969', '4321', '1122', '7777', '2580', '0852', '5683', '123123', '112233', '121212', '654321', '696969', '102030']);

/** True for codes a guesser tries first: repeats (000000), runs (123456), common codes, years, dates. */
export function isTrivialPin(code: string): boolean {
  if (commonCodes.has(code)) return true;
  if (/^(\d)\1+$/.test(code)) return true;
  const digits = [...code].map(Number);
  const steps = digits.slice(1).map((d, i) => (d - digits[i]! + 10) % 10);
  if (steps.every((s) => s === 1) || steps.every((s) => s === 9)) return true;
  if (/^(\d\d)\1+$/.test(code) || /^(\d{3})\1$/.test(code)) return true;
  if (code.length === 4 && /^(19|20)\d\d$/.test(code)) return true;
  if (code.length === 6 && /^(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\d\d$/.test(code)) return true;
  return false;
}

/**
 * A door's live codes judged against a candidate. A keypad without an Enter key opens as
 * soon as a prefix matches, so there no code may be a prefix of another; with one, only
 * equal codes clash.
 */
export function clashesOnDoor(code: string, liveCodes: readonly string[], hasEnterKey: boolean): boolean {
  return hasEnterKey ? liveCodes.includes(code) : liveCodes.some((t) => t.startsWith(code) || code.startsWith(t));
}

/**
 * Draws a code of `length` digits from a cryptographic generator, not trivial, for which
 * `clashes` says no. Null when none turned up: the doors' code space is crowded.
 */
export async function drawPin(length: number, clashes: (code: string) => Promise<boolean>, attempts = 200): Promise<string | null> {
  for (let i = 0; i < attempts; i++) {
    const code = String(randomInt(0, 10 ** length)).padStart(length, '0');
    if (isTrivialPin(code)) continue;
    if (await clashes(code)) continue;
    return code;
  }
  return null;
}

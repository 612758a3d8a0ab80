/*
 * The codes no grant may get, on the console (drawing a code offline or unpaired) and in the
 * cloud (leasing and settling codes) alike. Drawing stays on each side, from its own
 * cryptographic generator; this is only the rule.
 */

/** Codes people guess first, beyond the patterns below. */
const commonCodes = new Set(['1212', '1004', '2000', '6969', '4321', '1122', '7777', '2580', '0852', '5683', '123123', '112233', '121212', '654321', '696969', '102030']);

/** True for codes a guesser tries first: repeats, runs, common codes, years and dates. */
export function isTrivialPin(code: string): boolean {
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

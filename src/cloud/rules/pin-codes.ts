import { randomInt } from 'node:crypto';
import type { LockModel } from '../../shared/domain';
import { isTrivialPin } from '../../shared/rules/pin-blocklist';

/**
 * The community's PIN code space, from the lock models its doors use. Codes are unique across
 * the whole community (a grant's code must be free on every door it opens, and a leased code
 * may end up on any door), and a keypad without an Enter key opens as soon as a prefix
 * matches, so two codes of lengths such a keypad takes together may not be prefixes of one
 * another. Codes of lengths no keypad without Enter takes together never meet there.
 */
export interface PinSpace {
  /** The lengths grants use: a grant's code has the longest minimum of its doors (pinLengthFor on the console). */
  lengths: number[];
  /** The other lengths a keypad without an Enter key takes alongside `length`. */
  prefixLengths(length: number): number[];
}

export function pinSpace(models: readonly LockModel[]): PinSpace {
  const ranges = models.flatMap((m) => (m.capabilities.pinLength && m.capabilities.credentialKinds.includes('pin') ? [{ ...m.capabilities.pinLength, enter: m.capabilities.hasEnterKey }] : []));
  const lengths = [...new Set(ranges.map((r) => r.min))].sort((a, b) => a - b);
  return {
    lengths,
    prefixLengths(length) {
      const together = new Set<number>();
      for (const r of ranges) if (!r.enter && r.min <= length && length <= r.max) for (let l = r.min; l <= r.max; l++) if (l !== length) together.add(l);
      return [...together].sort((a, b) => a - b);
    },
  };
}

/** What a candidate code is judged against: codes live on doors and codes leased to consoles. */
export interface TakenCodes {
  pinsTaken(codes: readonly string[], now: string): Promise<boolean>;
  pinsExtending(prefix: string, lengths: readonly number[], now: string): Promise<boolean>;
}

/** TakenCodes that also judge many candidates in one look. */
export interface TakenCodesInBulk extends TakenCodes {
  pinsClashing(codes: readonly string[], shorter: readonly number[], longer: readonly number[], now: string): Promise<Set<string>>;
}

/** Whether a code clashes with a live or leased one: the same code, or a prefix either way where a keypad without Enter could hold both. */
export async function codeTaken(taken: TakenCodes, space: PinSpace, code: string, now: string): Promise<boolean> {
  const partners = space.prefixLengths(code.length);
  const shorter = partners.filter((l) => l < code.length).map((l) => code.slice(0, l));
  if (await taken.pinsTaken([code, ...shorter], now)) return true;
  return taken.pinsExtending(code, partners.filter((l) => l > code.length), now);
}

/**
 * Draws a code of `length` digits from a cryptographic generator, not trivial, for which
 * `clashes` says no. Null when none turned up: the code space is crowded.
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

/** A code of `length` digits that is neither live nor leased anywhere in the community, prefixes included; null when the space is crowded. */
export function drawFreeCode(taken: TakenCodes, space: PinSpace, length: number, now: string): Promise<string | null> {
  return drawPin(length, (code) => codeTaken(taken, space, code, now));
}

/**
 * Up to `count` distinct codes of `length` digits, each as drawFreeCode would draw it (not
 * trivial, neither live nor leased anywhere in the community, prefixes included), judged a
 * round of candidates at a time instead of one look per code. Codes of one length are never
 * prefixes of each other, so among themselves they only need to differ. Fewer than `count`
 * when the space is crowded (as drawPin gives up after its attempts). The caller leases them
 * in the same transaction, before it draws codes of another length.
 */
export async function drawFreeCodes(taken: TakenCodesInBulk, space: PinSpace, length: number, count: number, now: string): Promise<string[]> {
  const partners = space.prefixLengths(length);
  const shorter = partners.filter((l) => l < length);
  const longer = partners.filter((l) => l > length);
  const picked = new Set<string>();
  // As drawPin: a round where no candidate is free means the space is crowded.
  for (let round = 0; round < 20 && picked.size < count; round++) {
    const wanted = count - picked.size;
    const candidates = new Set<string>();
    // More than wanted, for those that clash, and at least drawPin's 200 attempts; each a fresh draw from the generator.
    const target = Math.max(200, Math.ceil(wanted * 1.15) + 16);
    for (let i = 0; i < target * 2 && candidates.size < target; i++) {
      const code = String(randomInt(0, 10 ** length)).padStart(length, '0');
      if (!isTrivialPin(code) && !picked.has(code)) candidates.add(code);
    }
    const clashing = await taken.pinsClashing([...candidates], shorter, longer, now);
    let found = 0;
    for (const code of candidates) {
      if (picked.size >= count) break;
      if (clashing.has(code)) continue;
      picked.add(code);
      found++;
    }
    if (found === 0) break;
  }
  return [...picked];
}

import type { Db } from '../store/database';
import { forgetGuesses, guessRecord, saveGuessRecord, type GuessRecord } from '../store/sign-in-throttle-repo';

/**
 * How passcode guessing is slowed. The wait belongs to the source of the guesses (the window,
 * the browser tab's address), never to the staff member guessed at: a kiosk left alone can be
 * made to wait, but the admin at their own window is not held up by it. A few slips are free;
 * after them each wrong passcode doubles the wait, up to a ceiling. Kept in the store, so a
 * restart forgives nothing; a right passcode from the source, or a day without a wrong one,
 * starts it afresh.
 */
export const guessPolicy = {
  freeFailures: 3,
  firstWaitSeconds: 5,
  longestWaitSeconds: 15 * 60,
  forgetAfterMs: 24 * 60 * 60_000,
} as const;

/** Seconds to wait after `failures` wrong passcodes in a row: 0, 0, 0, 5, 10, 20, 40, ... up to 15 min. */
export function waitAfter(failures: number): number {
  const over = failures - guessPolicy.freeFailures;
  if (over <= 0) return 0;
  return Math.min(guessPolicy.firstWaitSeconds * 2 ** Math.min(over - 1, 30), guessPolicy.longestWaitSeconds);
}

/** "40 s", "3 min": how long a wait is, as the sign-in form says it. */
export function describeWait(seconds: number): string {
  return seconds < 60 ? `${seconds} s` : `${Math.ceil(seconds / 60)} min`;
}

export interface Waiting {
  seconds: number;
  failures: number;
  /** This wait's first refusal was already audited. */
  noted: boolean;
}

export function createGuessThrottle(db: Db) {
  /** The source's record, unless its last wrong passcode is old enough to be forgotten. */
  const current = (source: string, at: Date): GuessRecord | null => {
    const record = guessRecord(db, source);
    if (!record || at.getTime() - Date.parse(record.lastFailureAt) >= guessPolicy.forgetAfterMs) return null;
    return record;
  };

  return {
    /** Whether this source must still wait before a passcode from it is checked. */
    waiting(source: string, at: Date): Waiting | null {
      const record = current(source, at);
      const left = record?.waitUntil ? Date.parse(record.waitUntil) - at.getTime() : 0;
      return record && left > 0 ? { seconds: Math.ceil(left / 1000), failures: record.failures, noted: record.waitNoted } : null;
    },
    /** The current wait's first refusal has been audited. */
    noteWait(source: string): void {
      const record = guessRecord(db, source);
      if (record) saveGuessRecord(db, source, { ...record, waitNoted: true });
    },
    /** A wrong passcode from this source: answers how many in a row, and the wait it starts (seconds). */
    failed(source: string, at: Date): { failures: number; waitSeconds: number } {
      const failures = (current(source, at)?.failures ?? 0) + 1;
      const waitSeconds = waitAfter(failures);
      const waitUntil = waitSeconds > 0 ? new Date(at.getTime() + waitSeconds * 1000).toISOString() : null;
      saveGuessRecord(db, source, { failures, lastFailureAt: at.toISOString(), waitUntil, waitNoted: false });
      return { failures, waitSeconds };
    },
    /** A right passcode from this source: its count starts again. */
    succeeded(source: string): void {
      forgetGuesses(db, source);
    },
  };
}
export type GuessThrottle = ReturnType<typeof createGuessThrottle>;

import { Temporal } from 'temporal-polyfill';
import type { LiveLock } from '../../devices/live/live-lock-network';

/** The community's wall clock at an instant: its offset from UTC, and when that next changes (a DST transition), if ever. */
export function wallClock(zone: string, at: Date): { offsetMinutes: number; nextChangeAt: Date | null } {
  const here = Temporal.Instant.fromEpochMilliseconds(at.getTime()).toZonedDateTimeISO(zone);
  const next = here.getTimeZoneTransition('next');
  return { offsetMinutes: Math.round(here.offsetNanoseconds / 60e9), nextChangeAt: next ? new Date(next.epochMilliseconds) : null };
}

/** Runs `run` at `at` (or soon after); returns the cancel. Tests pass their own. */
export type ClockTimer = (at: Date, run: () => void) => () => void;

/** Node's timers hold at most 2^31-1 ms (about 24 days): a later transition is looked at again then. */
const longestTimerMs = 2 ** 31 - 1;

const nodeTimer: ClockTimer = (at, run) => {
  const t = setTimeout(run, Math.min(longestTimerMs, Math.max(0, at.getTime() - Date.now())));
  t.unref();
  return () => clearTimeout(t);
};

export interface LockClocksDeps {
  now(): Date;
  /** The community's time zone (IANA), whose wall clock the locks' schedules are written in. */
  zone(): string;
  /** A DST transition passed: every live door's lock is to be given the time again (mark them, queue them). */
  transitioned(): void;
  timer?: ClockTimer;
}

/**
 * The clocks of live locks that run schedules themselves (Schedule Entry Lock): Porter writes
 * their schedules in the community's wall-clock time, so each lock is given the time and the
 * community's offset when it is assigned, when the network opens (a lock may have lost its
 * time with its batteries, or drifted), and again after each DST transition in the community's
 * zone, since a lock's Time Offset carries no DST dates. A door is marked here and its lock's
 * clock set by the door's next job (`setIfDue`), so a lock that is asleep or dead gets it
 * with the queue's retries. A console that is off across a transition sets every lock's
 * clock when it opens the network again.
 */
export function lockClocks(deps: LockClocksDeps) {
  const due = new Set<string>();
  const timer = deps.timer ?? nodeTimer;
  let cancel: (() => void) | null = null;
  let closed = false;

  const arm = (): void => {
    cancel?.();
    cancel = null;
    if (closed) return;
    const { nextChangeAt } = wallClock(deps.zone(), deps.now());
    if (!nextChangeAt) return;
    cancel = timer(nextChangeAt, () => {
      // A timer may fire early (Node's cap, a clock set back): only a transition that passed counts.
      if (deps.now() >= nextChangeAt) deps.transitioned();
      arm();
    });
  };
  arm();

  return {
    /** The door's lock is to be given the time by its next job. */
    mark(doorId: string): void {
      due.add(doorId);
    },
    forget(doorId: string): void {
      due.delete(doorId);
    },
    isDue: (doorId: string): boolean => due.has(doorId),
    /** Gives the lock the time when its door is marked; throws (the door stays marked) when the lock does not take it. */
    async setIfDue(doorId: string, lock: LiveLock): Promise<void> {
      if (!due.has(doorId)) return;
      if (lock.setClock) {
        const now = deps.now();
        await lock.setClock({ utc: now, offsetMinutes: wallClock(deps.zone(), now).offsetMinutes });
      }
      due.delete(doorId);
    },
    close(): void {
      closed = true;
      cancel?.();
      cancel = null;
    },
  };
}

export type LockClocks = ReturnType<typeof lockClocks>;

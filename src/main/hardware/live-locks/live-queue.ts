import type { Db } from '../../store/database';
import { liveDoorDone, queueLiveDoor, queuedLiveDoor, queuedLiveDoors, retryLiveDoor } from '../../store/live-lock-queue-repo';
import { retryDelayMs } from './backoff';

export interface QueueDeps {
  db: Db;
  now: () => Date;
  /** Brings the door's lock to the desired table; throws when it could not (tried again later). */
  work(doorId: string, signal: AbortSignal): Promise<void>;
  /** Whether the door can be worked on now (its network open, its lock known). */
  ready(doorId: string): boolean;
  changed(): void;
  logError(error: unknown): void;
  /** The first retry's wait; tests shorten it. */
  firstRetryMs?: number;
}

/**
 * The live doors' queue: one job at a time per door (so per lock: a lock has one door), the
 * work persisted (live_lock_queue) so a restart or a lost stick loses nothing, and a door whose
 * lock could not be reached tried again with backoff. A door queued while its job runs runs
 * again after it: the job drew its plan before the change.
 */
export function createLiveQueue(deps: QueueDeps) {
  const running = new Map<string, { abort: AbortController; done: Promise<void> }>();
  const again = new Set<string>();
  const timers = new Map<string, NodeJS.Timeout>();
  let closed = false;

  const later = (doorId: string, ms: number): void => {
    clearTimeout(timers.get(doorId));
    const t = setTimeout(() => {
      timers.delete(doorId);
      start(doorId);
    }, ms);
    t.unref();
    timers.set(doorId, t);
  };

  const start = (doorId: string): void => {
    if (closed) return;
    if (running.has(doorId)) {
      again.add(doorId);
      return;
    }
    const row = queuedLiveDoor(deps.db, doorId);
    if (!row || !deps.ready(doorId)) return;
    clearTimeout(timers.get(doorId));
    const abort = new AbortController();
    const done = deps
      .work(doorId, abort.signal)
      .then(
        () => {
          if (again.delete(doorId)) return queueLiveDoor(deps.db, doorId, deps.now().toISOString());
          liveDoorDone(deps.db, doorId);
        },
        (error: unknown) => {
          again.delete(doorId);
          if (closed) return;
          const attempts = (queuedLiveDoor(deps.db, doorId)?.attempts ?? 0) + 1;
          const wait = retryDelayMs(attempts) * ((deps.firstRetryMs ?? 5_000) / 5_000);
          const next = new Date(deps.now().getTime() + wait).toISOString();
          retryLiveDoor(deps.db, doorId, attempts, next, error instanceof Error ? error.message : String(error));
          later(doorId, wait);
        },
      )
      .catch((error: unknown) => deps.logError(error))
      .finally(() => {
        running.delete(doorId);
        deps.changed();
        if (queuedLiveDoor(deps.db, doorId)?.nextAttemptAt === null) start(doorId);
      });
    running.set(doorId, { abort, done });
    deps.changed();
  };

  return {
    /** Work for these doors: tried now (a door waiting out a backoff is tried at once too). */
    queue(doorIds: readonly string[]): void {
      const at = deps.now().toISOString();
      for (const id of doorIds) queueLiveDoor(deps.db, id, at);
      for (const id of doorIds) start(id);
    },
    /** Something changed that may let waiting doors through (the network opened, a lock woke). */
    kick(doorIds: readonly string[] = queuedLiveDoors(deps.db).map((q) => q.doorId)): void {
      for (const id of doorIds) start(id);
    },
    busy: (doorId: string): boolean => running.has(doorId),
    /** Cuts the jobs in hand short (the stick went away): each is tried again later, nothing is lost. */
    interrupt(reason: Error): void {
      for (const job of running.values()) job.abort.abort(reason);
    },
    async close(): Promise<void> {
      closed = true;
      for (const t of timers.values()) clearTimeout(t);
      timers.clear();
      for (const job of running.values()) job.abort.abort(new Error('The console is closing.'));
      await Promise.all([...running.values()].map((j) => j.done));
    },
  };
}

export type LiveQueue = ReturnType<typeof createLiveQueue>;

/** Node's timers hold at most 2^31-1 ms (about 24 days): a later change is looked at again then. */
const longestTimerMs = 2 ** 31 - 1;
/** A change already due is looked at after this, so a clock that stands still does not spin. */
const soonestMs = 250;

/**
 * One timer per live door at the next instant a Porter-enforced code goes on or off its lock
 * (the console does this while it runs; a console that is off catches up when it starts, as it
 * queues every live door when the network opens).
 */
export function presenceTimers(deps: { now: () => Date; due(doorId: string): void }) {
  const timers = new Map<string, NodeJS.Timeout>();
  return {
    at(doorId: string, when: Date | null): void {
      clearTimeout(timers.get(doorId));
      timers.delete(doorId);
      if (!when) return;
      const wait = Math.min(longestTimerMs, Math.max(soonestMs, when.getTime() - deps.now().getTime()));
      const t = setTimeout(() => {
        timers.delete(doorId);
        deps.due(doorId);
      }, wait);
      t.unref();
      timers.set(doorId, t);
    },
    close(): void {
      for (const t of timers.values()) clearTimeout(t);
      timers.clear();
    },
  };
}

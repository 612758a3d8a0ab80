/**
 * Tells pulls that are waiting for news (a long-poll, `wait` on GET /v1/changes) that the
 * change log may have grown: after a push, after a text's outcome is recorded, and when the
 * store says another instance committed a change. A waiter also looks again every
 * `recheckMs` (a second), so a change appended some other way is never missed for long.
 */
export class ChangeFeed {
  private waiters = new Set<() => void>();

  constructor(readonly recheckMs = 1_000) {}

  changed(): void {
    const waiters = [...this.waiters];
    this.waiters.clear();
    for (const wake of waiters) wake();
  }

  /** Resolves at the next change, after `ms`, or when `signal` aborts, whichever is first. */
  next(ms: number, signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
        signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.waiters.add(done);
      signal.addEventListener('abort', done, { once: true });
    });
  }
}

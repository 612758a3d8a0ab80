/**
 * Tells pulls that are waiting for news (a long-poll, `wait` on GET /v1/changes) that the
 * change log may have grown: after a push and after a text's outcome is recorded. A waiter
 * also looks again every second, so a change appended some other way is never missed for long.
 */
export class ChangeFeed {
  private waiters = new Set<() => void>();

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

/**
 * Runs async jobs one after another. better-sqlite3 has one connection and a transaction
 * that awaits (the CloudStore interface is async, for PostgreSQL's sake) must not let
 * another statement in between, so every use of the connection goes through one queue.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(job: () => Promise<T> | T): Promise<T> {
    const result = this.tail.then(job);
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** Resolves once every job queued so far has finished. */
  idle(): Promise<void> {
    return this.tail.then(() => undefined);
  }
}

/** One queue per key, dropped once idle: the per-console lock of a push. */
export class KeyedLocks {
  private readonly queues = new Map<string, { queue: SerialQueue; users: number }>();

  async with<T>(key: string, body: () => Promise<T>): Promise<T> {
    const entry = this.queues.get(key) ?? { queue: new SerialQueue(), users: 0 };
    this.queues.set(key, entry);
    entry.users++;
    try {
      return await entry.queue.run(body);
    } finally {
      if (--entry.users === 0) this.queues.delete(key);
    }
  }
}

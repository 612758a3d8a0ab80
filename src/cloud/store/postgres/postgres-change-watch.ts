import pg from 'pg';

/** The channel every instance's change-appending transactions notify at commit. */
export const changesChannel = 'porter_changes';

/** After a lost listening connection, the next try waits this long (pulls still recheck on their own meanwhile). */
const reconnectMs = 1_000;

/**
 * LISTEN on one connection of its own, opened while anyone watches: every instance's commit
 * of a change (NOTIFY in the same transaction, delivered at commit) wakes this instance's
 * long-polls. A connection that drops is opened again, and watchers are woken then, since a
 * notification may have been missed in between.
 */
export class ChangeWatch {
  private readonly listeners = new Set<() => void>();
  private client: pg.Client | null = null;
  private retry: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(private readonly connect: () => pg.Client) {}

  watch(listener: () => void): () => void {
    this.listeners.add(listener);
    if (!this.client && !this.retry) void this.listen();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stop();
    };
  }

  close(): void {
    this.closed = true;
    this.stop();
  }

  private wake(): void {
    for (const listener of [...this.listeners]) listener();
  }

  private async listen(): Promise<void> {
    if (this.closed || this.listeners.size === 0) return;
    const client = this.connect();
    this.client = client;
    const lost = () => {
      if (this.client !== client) return;
      this.client = null;
      void client.end().catch(() => undefined);
      if (!this.closed && this.listeners.size > 0) this.retry = setTimeout(() => ((this.retry = null), void this.listen().then(() => this.wake())), reconnectMs);
    };
    client.on('error', lost);
    client.on('end', lost);
    client.on('notification', () => this.wake());
    try {
      await client.connect();
      await client.query(`LISTEN ${changesChannel}`);
    } catch {
      lost();
    }
  }

  private stop(): void {
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
    const client = this.client;
    this.client = null;
    void client?.end().catch(() => undefined);
  }
}

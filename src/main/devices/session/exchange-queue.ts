import { untilAborted } from './deadline';

/**
 * One exchange at a time on a session. The transport has a single transaction per channel, so
 * a second request sent before the first's answer would be refused as channel_busy or, worse,
 * interleave its packets. Callers wait their turn here instead; a caller whose signal aborts
 * while waiting leaves the line without ever reaching the device.
 */
export class ExchangeQueue {
  private tail: Promise<void> = Promise.resolve();

  async run<T>(signal: AbortSignal, task: () => Promise<T>): Promise<T> {
    const previous = this.tail;
    let finished!: () => void;
    const done = new Promise<void>((resolve) => (finished = resolve));
    this.tail = previous.then(() => done);
    try {
      await untilAborted(previous, signal);
      return await task();
    } finally {
      finished();
    }
  }

  /** Resolves once every exchange queued so far has finished. */
  drained(): Promise<void> {
    return this.tail;
  }
}

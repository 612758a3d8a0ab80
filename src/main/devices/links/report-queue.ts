import { LinkClosedError } from '../link';

interface WaitingReader {
  resolve: (report: Uint8Array) => void;
  reject: (reason: unknown) => void;
  signal: AbortSignal;
  onAbort: () => void;
}

/**
 * Input reports between the moment they arrive and the moment someone reads them. Bounded,
 * because every host with the device open receives every input report (hidraw hands each
 * reader its own copy), including answers on other processes' channels that nobody here will
 * read; past `capacity` the oldest are dropped, as they are the least likely to matter.
 */
export class ReportQueue {
  private reports: Uint8Array[] = [];
  private readers: WaitingReader[] = [];
  private closedWith: LinkClosedError | null = null;

  constructor(private readonly capacity = 1024) {}

  get closed(): boolean {
    return this.closedWith !== null;
  }

  push(report: Uint8Array): void {
    if (this.closedWith) return;
    const reader = this.readers.shift();
    if (reader) {
      reader.signal.removeEventListener('abort', reader.onAbort);
      reader.resolve(report);
      return;
    }
    this.reports.push(report);
    if (this.reports.length > this.capacity) this.reports.shift();
  }

  /** The next report; an aborted read takes nothing off the queue. */
  read(signal: AbortSignal): Promise<Uint8Array> {
    if (this.closedWith) return Promise.reject(this.closedWith);
    if (signal.aborted) return Promise.reject(signal.reason);
    const next = this.reports.shift();
    if (next) return Promise.resolve(next);
    return new Promise<Uint8Array>((resolve, reject) => {
      const reader: WaitingReader = {
        resolve,
        reject,
        signal,
        onAbort: () => {
          this.readers = this.readers.filter((r) => r !== reader);
          reject(signal.reason);
        },
      };
      signal.addEventListener('abort', reader.onAbort, { once: true });
      this.readers.push(reader);
    });
  }

  /** Fails every waiting and future read with `error`; reports not yet read are dropped. */
  close(error = new LinkClosedError()): void {
    if (this.closedWith) return;
    this.closedWith = error;
    this.reports = [];
    for (const reader of this.readers.splice(0)) {
      reader.signal.removeEventListener('abort', reader.onAbort);
      reader.reject(error);
    }
  }
}

/**
 * The ATT prepare-write queue (Vol 3 Part F 3.4.6): a long write arrives as Prepare Write
 * Requests of `mtu - 5` bytes at growing offsets, applied together by Execute Write.
 */
export class PreparedWrites {
  private queue: { handle: number; offset: number; value: Uint8Array }[] = [];

  constructor(
    private readonly maxValueLength: number,
    private readonly maxEntries = 64,
  ) {}

  add(handle: number, offset: number, value: Uint8Array): 'queue_full' | 'too_long' | null {
    if (this.queue.length >= this.maxEntries) return 'queue_full';
    if (offset + value.length > this.maxValueLength) return 'too_long';
    this.queue.push({ handle, offset, value });
    return null;
  }

  clear(): void {
    this.queue = [];
  }

  /** The whole values, per handle in order of first prepare; parts must follow each other. */
  take(): { handle: number; value: Uint8Array }[] | 'invalid_offset' {
    const values = new Map<number, number[]>();
    const queued = this.queue;
    this.queue = [];
    for (const { handle, offset, value } of queued) {
      const sofar = values.get(handle) ?? [];
      if (offset !== sofar.length) return 'invalid_offset';
      sofar.push(...value);
      values.set(handle, sofar);
    }
    return [...values].map(([handle, value]) => ({ handle, value: Uint8Array.from(value) }));
  }
}

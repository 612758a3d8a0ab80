/**
 * Growing delays after wrong guesses: the first `free` failures cost nothing (people mistype),
 * then each one doubles the wait from `baseMs`, up to `maxMs`. A try while waiting is not
 * even checked (429 with Retry-After), so guessing gets slower the more it is tried.
 */
export interface DelaySchedule {
  free: number;
  baseMs: number;
  maxMs: number;
}

export function delayAfterFailures(failures: number, s: DelaySchedule): number {
  if (failures <= s.free) return 0;
  return Math.min(s.maxMs, s.baseMs * 2 ** Math.min(failures - s.free - 1, 40));
}

/** Whole seconds for a Retry-After header, at least 1. */
export function retryAfterSeconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}

/**
 * The same schedule kept in memory, per key (a client address for pairing). Bounded: past
 * `maxKeys` the oldest key is forgotten, and a key quiet for `forgetAfterMs` starts over.
 */
export class AttemptThrottle {
  private readonly keys = new Map<string, { failures: number; blockedUntil: number; lastAt: number }>();

  constructor(
    private readonly schedule: DelaySchedule,
    private readonly maxKeys = 10_000,
    private readonly forgetAfterMs = 24 * 60 * 60_000,
  ) {}

  /** How long `key` must still wait before its next try is checked; 0 when it may try now. */
  waitMs(key: string, now: number): number {
    const entry = this.keys.get(key);
    if (!entry) return 0;
    if (now - entry.lastAt > this.forgetAfterMs) {
      this.keys.delete(key);
      return 0;
    }
    return Math.max(0, entry.blockedUntil - now);
  }

  failed(key: string, now: number): void {
    const failures = (this.keys.get(key)?.failures ?? 0) + 1;
    this.keys.delete(key); // re-inserted last: the Map's order is the order of last use
    if (this.keys.size >= this.maxKeys) this.keys.delete(this.keys.keys().next().value as string);
    this.keys.set(key, { failures, blockedUntil: now + delayAfterFailures(failures, this.schedule), lastAt: now });
  }

  succeeded(key: string): void {
    this.keys.delete(key);
  }
}

/**
 * The key a client address is throttled by: an IPv4 address as is (also when IPv4-mapped),
 * an IPv6 address by its /64, the block one subscriber usually holds whole.
 */
export function addressKey(address: string | undefined): string {
  if (!address) return 'unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (!address.includes(':')) return address;
  const halves = address.split('::');
  const head = halves[0] ? halves[0].split(':') : [];
  const tail = halves.length > 1 && halves[1] ? halves[1].split(':') : [];
  const groups = halves.length > 1 ? [...head, ...Array<string>(Math.max(0, 8 - head.length - tail.length)).fill('0'), ...tail] : head;
  return `${groups.slice(0, 4).map((g) => g.toLowerCase().replace(/^0+(?=.)/, '')).join(':')}::/64`;
}

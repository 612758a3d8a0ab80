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

/** A limit on tries: its name in the store, its delays, and how long a quiet key is remembered. */
export interface AttemptLimit {
  name: string;
  schedule: DelaySchedule;
  forgetAfterMs: number;
}

/** The store's side of a limit (CloudStore.attempt): counted in the database, so every instance sees every try. */
export interface AttemptLedger {
  attempt(limit: string, key: string, at: string, forgetBefore: string, delayFor: (failures: number) => number, check: () => Promise<boolean>): Promise<number>;
}

/**
 * Runs `check` (the code or passcode checked) as one try at `key`, unless the key must wait
 * first: answers that wait, or what `check` answered. `succeeded` says whether it was right.
 * Tries at one key take turns across instances, so a burst of guesses is checked one by one,
 * each after the failures before it were counted; only wrong tries count, and a right one
 * starts the count over.
 */
export async function limitedAttempt<T>(
  ledger: AttemptLedger,
  limit: AttemptLimit,
  key: string,
  now: Date,
  check: () => Promise<T>,
  succeeded: (outcome: T) => boolean,
): Promise<{ waitMs: number } | { outcome: T }> {
  const forgetBefore = new Date(now.getTime() - limit.forgetAfterMs).toISOString();
  const checked: { outcome: T }[] = [];
  const waitMs = await ledger.attempt(limit.name, key, now.toISOString(), forgetBefore, (failures) => delayAfterFailures(failures, limit.schedule), async () => {
    const outcome = await check();
    checked.push({ outcome });
    return succeeded(outcome);
  });
  return checked[0] ?? { waitMs };
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

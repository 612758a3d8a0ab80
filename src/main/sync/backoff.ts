/**
 * How long to wait before the next try after `failures` failures in a row: exponential from
 * `baseMs`, capped at `maxMs`, with full jitter (a random point in [0, cap]) so consoles that
 * lost the cloud together do not all come back in the same second. A Retry-After from the
 * cloud (429, 503) is a floor: never sooner than it asked.
 */
export function nextDelayMs(
  failures: number,
  options: { baseMs?: number; maxMs?: number; retryAfterMs?: number | null; random?: () => number } = {},
): number {
  const { baseMs = 1_000, maxMs = 5 * 60_000, retryAfterMs = null, random = Math.random } = options;
  const cap = Math.min(maxMs, baseMs * 2 ** Math.min(failures, 30));
  const jittered = Math.round(random() * cap);
  return Math.max(jittered, retryAfterMs ?? 0);
}

/**
 * While the cloud cannot be reached, a console tries again at most this long after its last
 * try, so once the cloud is back every waiting console is through within a few seconds
 * (leasing staff watching the status bar, a kiosk back from days offline). A try is one small
 * HTTPS request; the jitter spreads a portfolio's consoles over the window.
 */
export const reconnectMaxMs = 4_000;

/** Retry-After as seconds or an HTTP date, in ms from now; null when absent or unreadable. */
export function retryAfterMs(header: string | null, now: number = Date.now()): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

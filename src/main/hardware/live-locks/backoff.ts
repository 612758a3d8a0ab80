/** The first retry of a lock that could not be reached, and the longest wait between tries. */
export const firstRetryMs = 5_000;
export const longestRetryMs = 5 * 60_000;

/**
 * How long the queue waits after `attempts` failed tries in a row: 5 s, doubling, at most
 * 5 minutes. A sleeping lock wakes on its own schedule and a dead one may come back at any
 * time (its status event starts a try at once), so the wait only bounds how stale it gets.
 */
export function retryDelayMs(attempts: number): number {
  return Math.min(longestRetryMs, firstRetryMs * 2 ** Math.max(0, attempts - 1));
}

import { query, row, type Queryable } from './postgres-database';

/* The SQL of attempt limits (migration 003, http/attempt-throttle.ts), shared by every instance. */

/** In the caller's transaction: the key's row is locked, so tries at once on several instances take turns. */
export async function takeAttempt(db: Queryable, limit: string, key: string, at: string, forgetBefore: string, delayFor: (failures: number) => number): Promise<number> {
  // Keys gone quiet go, so addresses that tried once do not pile up.
  await query(db, 'DELETE FROM attempt_limits WHERE limit_name = $1 AND last_at < $2 AND blocked_until <= $3', [limit, forgetBefore, at]);
  await query(db, "INSERT INTO attempt_limits (limit_name, key, failures, blocked_until, last_at) VALUES ($1, $2, 0, $3, $3) ON CONFLICT DO NOTHING", [limit, key, at]);
  const r = (await row<{ failures: number; blocked_until: string; last_at: string }>(db, 'SELECT failures, blocked_until, last_at FROM attempt_limits WHERE limit_name = $1 AND key = $2 FOR UPDATE', [limit, key]))!;
  const waitMs = Date.parse(r.blocked_until) - Date.parse(at);
  if (waitMs > 0) return waitMs;
  const failures = (r.last_at < forgetBefore ? 0 : r.failures) + 1;
  const blockedUntil = new Date(Date.parse(at) + delayFor(failures)).toISOString();
  await query(db, 'UPDATE attempt_limits SET failures = $3, blocked_until = $4, last_at = $5 WHERE limit_name = $1 AND key = $2', [limit, key, failures, blockedUntil, at]);
  return 0;
}

export async function clearAttempts(db: Queryable, limit: string, key: string): Promise<void> {
  await query(db, 'DELETE FROM attempt_limits WHERE limit_name = $1 AND key = $2', [limit, key]);
}

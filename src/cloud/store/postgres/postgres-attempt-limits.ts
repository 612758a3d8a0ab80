import type pg from 'pg';
import type { AttemptRow } from '../rows';
import { inTransaction, query, row } from './postgres-database';

/* The SQL of attempt limits (migration 003, http/attempt-throttle.ts), shared by every instance. */

/**
 * One try at `key` (CloudStore.attempt). The key's row stays locked, in a transaction on a
 * connection of `lockPool`, while `check` runs (on `pool`'s connections, so the two never
 * wait on each other): a try at the same key on any instance waits for this one, then sees
 * its failure counted.
 */
export async function attempt(
  pool: pg.Pool,
  lockPool: pg.Pool,
  limit: string,
  key: string,
  at: string,
  forgetBefore: string,
  delayFor: (failures: number) => number,
  check: () => Promise<boolean>,
): Promise<number> {
  // Keys gone quiet go, so addresses that tried once do not pile up; a key being tried now is left to its try.
  await query(
    pool,
    `DELETE FROM attempt_limits WHERE (limit_name, key) IN
       (SELECT limit_name, key FROM attempt_limits WHERE limit_name = $1 AND last_at < $2 AND blocked_until <= $3 FOR UPDATE SKIP LOCKED)`,
    [limit, forgetBefore, at],
  );
  return inTransaction(lockPool, async (client) => {
    let r: AttemptRow | null = null;
    // A try that held the row and was right deleted it: the row is made again.
    while (!r) {
      await query(client, 'INSERT INTO attempt_limits (limit_name, key, failures, blocked_until, last_at) VALUES ($1, $2, 0, $3, $3) ON CONFLICT DO NOTHING', [limit, key, at]);
      r = await row<AttemptRow>(client, 'SELECT failures, blocked_until, last_at FROM attempt_limits WHERE limit_name = $1 AND key = $2 FOR UPDATE', [limit, key]);
    }
    const waitMs = Date.parse(r.blocked_until) - Date.parse(at);
    if (waitMs > 0) return waitMs;
    if (await check()) {
      await query(client, 'DELETE FROM attempt_limits WHERE limit_name = $1 AND key = $2', [limit, key]);
      return 0;
    }
    const failures = (r.last_at < forgetBefore ? 0 : r.failures) + 1;
    const blockedUntil = new Date(Date.parse(at) + delayFor(failures)).toISOString();
    await query(client, 'UPDATE attempt_limits SET failures = $3, blocked_until = $4, last_at = $5 WHERE limit_name = $1 AND key = $2', [limit, key, failures, blockedUntil, at]);
    return 0;
  });
}

import type Database from 'better-sqlite3';
import type { AttemptRow } from '../rows';

/*
 * The SQL of attempt limits (migration 008, http/attempt-throttle.ts): in the file, so a
 * restart forgets nothing. One process uses the file, so tries at one key take turns in
 * that process (SqliteCloudStore.attempt), and these run between them.
 */

type Sql = (text: string) => Database.Statement;

const find = (sql: Sql, limit: string, key: string) => sql('SELECT failures, blocked_until, last_at FROM attempt_limits WHERE limit_name = ? AND key = ?').get(limit, key) as AttemptRow | undefined;

/** How long `key` must still wait before its next try is checked (0: it may try now). */
export function waitLeft(sql: Sql, limit: string, key: string, at: string, forgetBefore: string): number {
  // Keys gone quiet go, so addresses that tried once do not pile up.
  sql('DELETE FROM attempt_limits WHERE limit_name = ? AND last_at < ? AND blocked_until <= ?').run(limit, forgetBefore, at);
  const r = find(sql, limit, key);
  return r ? Math.max(0, Date.parse(r.blocked_until) - Date.parse(at)) : 0;
}

/** Counts a wrong try and blocks the key for its delay. In the caller's IMMEDIATE transaction. */
export function countFailure(sql: Sql, limit: string, key: string, at: string, forgetBefore: string, delayFor: (failures: number) => number): void {
  const r = find(sql, limit, key);
  const failures = (!r || r.last_at < forgetBefore ? 0 : r.failures) + 1;
  const blockedUntil = new Date(Date.parse(at) + delayFor(failures)).toISOString();
  sql(
    `INSERT INTO attempt_limits (limit_name, key, failures, blocked_until, last_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (limit_name, key) DO UPDATE SET failures = excluded.failures, blocked_until = excluded.blocked_until, last_at = excluded.last_at`,
  ).run(limit, key, failures, blockedUntil, at);
}

export function clearAttempts(sql: Sql, limit: string, key: string): void {
  sql('DELETE FROM attempt_limits WHERE limit_name = ? AND key = ?').run(limit, key);
}

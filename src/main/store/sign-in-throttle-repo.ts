import type { Db } from './database';

/** Wrong passcodes from one source (a window, a browser tab's address) since its last right one. */
export interface GuessRecord {
  failures: number;
  lastFailureAt: string;
  /** No passcode from this source is checked before this instant; null: none yet. */
  waitUntil: string | null;
  /** The current wait's first refusal is audited; the rest are not, so a flood cannot fill the log. */
  waitNoted: boolean;
}

interface Row {
  failures: number;
  last_failure_at: string;
  wait_until: string | null;
  wait_noted: 0 | 1;
}

export function guessRecord(db: Db, source: string): GuessRecord | null {
  const row = db.prepare<[source: string], Row>('SELECT failures, last_failure_at, wait_until, wait_noted FROM sign_in_throttle WHERE source = ?').get(source);
  return row ? { failures: row.failures, lastFailureAt: row.last_failure_at, waitUntil: row.wait_until, waitNoted: row.wait_noted === 1 } : null;
}

export function saveGuessRecord(db: Db, source: string, r: GuessRecord): void {
  db.prepare(
    `INSERT INTO sign_in_throttle (source, failures, last_failure_at, wait_until, wait_noted) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (source) DO UPDATE SET failures = excluded.failures, last_failure_at = excluded.last_failure_at,
       wait_until = excluded.wait_until, wait_noted = excluded.wait_noted`,
  ).run(source, r.failures, r.lastFailureAt, r.waitUntil, r.waitNoted ? 1 : 0);
}

export function forgetGuesses(db: Db, source: string): void {
  db.prepare('DELETE FROM sign_in_throttle WHERE source = ?').run(source);
}

import type { PinLease } from '../../shared/sync';
import type { Db } from './database';

/** The lease as the cloud answered it (POST /v1/pin-leases). */
/** The cloud's answer, as the protocol says it (src/shared/sync/leases.ts). */
export type PinLeaseAnswer = PinLease;

interface LeaseTerms {
  /** This console's clock when the cloud answered. */
  leasedAt: string;
  expiresAt: string;
  /**
   * Codes of each length the cloud's last answer held: its size, or fewer when the code space
   * was too crowded to fill it (then asking again every round would only make the cloud search).
   */
  sizes: Record<string, number>;
}

const termsKey = 'pin_lease.terms';

function readTerms(db: Db): LeaseTerms | null {
  const json = db.prepare<[key: string], string>('SELECT value FROM settings WHERE key = ?').pluck().get(termsKey);
  return json ? (JSON.parse(json) as LeaseTerms) : null;
}

/**
 * Draws a code of `length` from the lease for a grant, the first that `fits` (the doors'
 * own say on this console: a code from before pairing the cloud never saw may sit there).
 * Null when the lease has none left of that length, or it has expired.
 */
export function drawLeasedPin(db: Db, length: number, fits: (code: string) => boolean, at: string): string | null {
  // A hundred is plenty: a leased code is free in the whole community, so nearly every one fits.
  const codes = db
    .prepare<[length: number, at: string], string>('SELECT code FROM pin_lease WHERE length = ? AND drawn_at IS NULL AND expires_at > ? ORDER BY rowid LIMIT 100')
    .pluck()
    .all(length, at);
  for (const code of codes) {
    if (!fits(code)) continue;
    db.prepare('UPDATE pin_lease SET drawn_at = ? WHERE code = ?').run(at, code);
    return code;
  }
  return null;
}

/** Codes left to draw, by length, as of `at`. */
export function leasedPinsLeft(db: Db, at: string): Map<number, number> {
  const rows = db
    .prepare<[at: string], { length: number; n: number }>('SELECT length, count(*) AS n FROM pin_lease WHERE drawn_at IS NULL AND expires_at > ? GROUP BY length')
    .all(at);
  return new Map(rows.map((r) => [r.length, r.n]));
}

/**
 * Whether the next sync round should ask the cloud for codes: never leased yet, a length
 * under half of what the last answer held, or half the lease's life gone (asking renews it).
 */
export function leaseRunsLow(db: Db, now: Date): boolean {
  const terms = readTerms(db);
  if (!terms) return true;
  const leased = Date.parse(terms.leasedAt);
  if (now.getTime() >= leased + (Date.parse(terms.expiresAt) - leased) / 2) return true;
  const left = leasedPinsLeft(db, now.toISOString());
  return Object.entries(terms.sizes).some(([length, size]) => (left.get(Number(length)) ?? 0) < size / 2);
}

/**
 * The codes of the lease this console still holds: not drawn yet, or drawn for a grant the
 * cloud has not been sent. The cloud takes back the others (used, or in a refused grant).
 */
export function heldLeasedPins(db: Db): string[] {
  return db
    .prepare<[], string>(
      `SELECT code FROM pin_lease WHERE drawn_at IS NULL OR code IN (
         SELECT json_extract(payload_json, '$.pinCode') FROM outbox
         WHERE state = 'pending' AND kind IN ('credential.granted', 'credential.reissued'))`,
    )
    .pluck()
    .all();
}

/** Keeps the lease as the cloud answered it: new codes in, codes it no longer holds for this console out. */
export function storeLease(db: Db, answer: PinLeaseAnswer, now: Date): void {
  const codes = answer.lengths.flatMap((l) => l.codes.map((code) => ({ code, length: l.length })));
  db.transaction(() => {
    db.prepare('DELETE FROM pin_lease WHERE code NOT IN (SELECT value FROM json_each(?))').run(JSON.stringify(codes.map((c) => c.code)));
    const insert = db.prepare('INSERT INTO pin_lease (code, length, expires_at) VALUES (?, ?, ?) ON CONFLICT (code) DO UPDATE SET expires_at = excluded.expires_at');
    for (const c of codes) insert.run(c.code, c.length, answer.expiresAt);
    const terms: LeaseTerms = { leasedAt: now.toISOString(), expiresAt: answer.expiresAt, sizes: Object.fromEntries(answer.lengths.map((l) => [String(l.length), Math.min(l.size, l.codes.length)])) };
    db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(termsKey, JSON.stringify(terms));
  })();
}

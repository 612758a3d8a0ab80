import type { Db } from './database';

/** The PIN itself, for the one hand-over; null for a pass, or a code this console does not hold. */
export function pinCodeFor(db: Db, credentialId: string): string | null {
  return (db.prepare<[string], string | null>('SELECT pin_code FROM credentials WHERE id = ?').pluck().get(credentialId) ?? null);
}

/** False when the code was handed over already: it is given out once. */
export function markCodeHandedOver(db: Db, credentialId: string, by: string, how: 'shown' | 'printed', at: string): boolean {
  return (
    db
      .prepare('UPDATE credentials SET code_handed_over_at = ?, code_handed_over_by = ?, code_handed_over_how = ? WHERE id = ? AND code_handed_over_at IS NULL')
      .run(at, by, how, credentialId).changes > 0
  );
}

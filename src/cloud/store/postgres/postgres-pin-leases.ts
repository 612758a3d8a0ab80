import type { LockModel } from '../../../shared/domain';
import type { LeasedPin, PinLeaseTx } from '../cloud-store';
import { toLockModel, type LockModelRow } from '../rows';
import { query, rows, type Queryable } from './postgres-database';

/** A credential's code is live while it has not ended and its schedule is not over ($now). */
const liveCode = (now: string) => `c.pin_code IS NOT NULL AND c.ended_at IS NULL AND (c.ends_at IS NULL OR c.ends_at > ${now}::text)`;

/**
 * The code-lease statements of the PostgreSQL store, in the transaction's connection. Codes
 * compare byte-wise (their columns are COLLATE "C"): digits sort before ':', so
 * [prefix, prefix || ':') holds exactly the codes that start with the prefix.
 */
export class PostgresPinLeases implements PinLeaseTx {
  constructor(
    protected readonly db: Queryable,
    /** Every statement's community: codes of another community are neither seen nor touched. */
    protected readonly communityId: string,
  ) {}

  async doorLockModels(): Promise<LockModel[]> {
    const found = await rows<LockModelRow>(
      this.db,
      'SELECT id, maker, name, role, capabilities FROM lock_models WHERE community_id = $1 AND id IN (SELECT lock_model_id FROM doors WHERE community_id = $1) ORDER BY id COLLATE "C"',
      [this.communityId],
    );
    return found.map(toLockModel);
  }

  async pinsTaken(codes: readonly string[], now: string): Promise<boolean> {
    const sql = `SELECT EXISTS (SELECT 1 FROM credentials c WHERE c.community_id = $3 AND c.pin_code = ANY($1::text[]) AND ${liveCode('$2')})
      OR EXISTS (SELECT 1 FROM pin_leases WHERE community_id = $3 AND code = ANY($1::text[]) AND expires_at > $2::timestamptz) AS taken`;
    return (await rows<{ taken: boolean }>(this.db, sql, [codes, now, this.communityId]))[0]!.taken;
  }

  async pinsExtending(prefix: string, lengths: readonly number[], now: string): Promise<boolean> {
    if (lengths.length === 0) return false;
    const sql = `SELECT EXISTS (SELECT 1 FROM credentials c WHERE c.community_id = $4 AND c.pin_code > $1 AND c.pin_code < $1 || ':'
        AND length(c.pin_code) = ANY($2::int[]) AND ${liveCode('$3')})
      OR EXISTS (SELECT 1 FROM pin_leases WHERE community_id = $4 AND code > $1 AND code < $1 || ':'
        AND length(code) = ANY($2::int[]) AND expires_at > $3::timestamptz) AS taken`;
    return (await rows<{ taken: boolean }>(this.db, sql, [prefix, lengths, now, this.communityId]))[0]!.taken;
  }

  async leasedPins(consoleId: string, now: string): Promise<LeasedPin[]> {
    return rows<LeasedPin>(this.db, 'SELECT code, expires_at AS "expiresAt" FROM pin_leases WHERE community_id = $3 AND console_id = $1 AND expires_at > $2 ORDER BY leased_order', [consoleId, now, this.communityId]);
  }

  async leasePin(consoleId: string, code: string, at: string, expiresAt: string): Promise<void> {
    await query(this.db, 'INSERT INTO pin_leases (community_id, code, console_id, leased_at, expires_at) VALUES ($1, $2, $3, $4, $5)', [this.communityId, code, consoleId, at, expiresAt]);
  }

  async renewLease(consoleId: string, held: readonly string[], expiresAt: string, now: string): Promise<void> {
    await query(this.db, 'DELETE FROM pin_leases WHERE community_id = $2 AND expires_at <= $1', [now, this.communityId]);
    await query(this.db, 'DELETE FROM pin_leases WHERE community_id = $3 AND console_id = $1 AND NOT (code = ANY($2::text[]))', [consoleId, held, this.communityId]);
    await query(this.db, 'UPDATE pin_leases SET expires_at = $1 WHERE community_id = $3 AND console_id = $2', [expiresAt, consoleId, this.communityId]);
  }

  async takeLeasedPin(consoleId: string, code: string, now: string): Promise<boolean> {
    return (await query(this.db, 'DELETE FROM pin_leases WHERE community_id = $4 AND code = $1 AND console_id = $2 AND expires_at > $3', [code, consoleId, now, this.communityId])).rowCount === 1;
  }
}

import type pg from 'pg';
import type { LockModel } from '../../../shared/domain';
import type { LeasedPin, PinLeaseTx } from '../cloud-store';
import { toLockModel, type LockModelRow } from '../rows';
import type { TxStatements } from './postgres-tx-statements';

/** A credential's code is live while it has not ended and its schedule is not over ($now). */
const liveCode = (now: string) => `c.pin_code IS NOT NULL AND c.ended_at IS NULL AND (c.ends_at IS NULL OR c.ends_at > ${now}::text)`;

/**
 * The code-lease statements of the PostgreSQL store, in the transaction's connection. Codes
 * compare byte-wise (their columns are COLLATE "C"): digits sort before ':', so
 * [prefix, prefix || ':') holds exactly the codes that start with the prefix.
 */
export class PostgresPinLeases implements PinLeaseTx {
  constructor(
    protected readonly statements: TxStatements,
    /** Every statement's community: codes of another community are neither seen nor touched. */
    protected readonly communityId: string,
  ) {}

  /** The rows of a statement that needs an answer; `locked`: only once the community's write lock is held (TxStatements). */
  protected async rows<R extends pg.QueryResultRow>(text: string, values: unknown[], locked = true): Promise<R[]> {
    return (await this.statements.ask<R>(text, values, locked)).rows;
  }

  async doorLockModels(): Promise<LockModel[]> {
    // The doors' lock models never change under a transaction: read before the community's lock.
    const found = await this.rows<LockModelRow>(
      'SELECT id, maker, name, role, capabilities FROM lock_models WHERE community_id = $1 AND id IN (SELECT lock_model_id FROM doors WHERE community_id = $1) ORDER BY id COLLATE "C"',
      [this.communityId],
      false,
    );
    return found.map(toLockModel);
  }

  async pinsTaken(codes: readonly string[], now: string): Promise<boolean> {
    const sql = `SELECT EXISTS (SELECT 1 FROM credentials c WHERE c.community_id = $3 AND c.pin_code = ANY($1::text[]) AND ${liveCode('$2')})
      OR EXISTS (SELECT 1 FROM pin_leases WHERE community_id = $3 AND code = ANY($1::text[]) AND expires_at > $2::timestamptz) AS taken`;
    return (await this.rows<{ taken: boolean }>(sql, [codes, now, this.communityId]))[0]!.taken;
  }

  async pinsExtending(prefix: string, lengths: readonly number[], now: string): Promise<boolean> {
    if (lengths.length === 0) return false;
    const sql = `SELECT EXISTS (SELECT 1 FROM credentials c WHERE c.community_id = $4 AND c.pin_code > $1 AND c.pin_code < $1 || ':'
        AND length(c.pin_code) = ANY($2::int[]) AND ${liveCode('$3')})
      OR EXISTS (SELECT 1 FROM pin_leases WHERE community_id = $4 AND code > $1 AND code < $1 || ':'
        AND length(code) = ANY($2::int[]) AND expires_at > $3::timestamptz) AS taken`;
    return (await this.rows<{ taken: boolean }>(sql, [prefix, lengths, now, this.communityId]))[0]!.taken;
  }

  /**
   * One statement for every candidate: the same code or one of its prefixes taken (an
   * equality on the indexed code), or a longer taken code starting with it (a range on it).
   */
  async pinsClashing(codes: readonly string[], shorter: readonly number[], longer: readonly number[], now: string): Promise<Set<string>> {
    if (codes.length === 0) return new Set();
    const sql = `SELECT k.code FROM unnest($1::text[]) AS k(code)
      CROSS JOIN LATERAL (SELECT k.code || ARRAY(SELECT left(k.code, l) FROM unnest($2::int[]) AS l WHERE l < length(k.code)) AS near) AS p
      WHERE EXISTS (SELECT 1 FROM credentials c WHERE c.community_id = $5 AND c.pin_code = ANY(p.near) AND ${liveCode('$4')})
        OR EXISTS (SELECT 1 FROM pin_leases WHERE community_id = $5 AND code = ANY(p.near) AND expires_at > $4::timestamptz)
        OR (cardinality($3::int[]) > 0 AND (
          EXISTS (SELECT 1 FROM credentials c WHERE c.community_id = $5 AND c.pin_code > k.code AND c.pin_code < k.code || ':' AND length(c.pin_code) = ANY($3::int[]) AND ${liveCode('$4')})
          OR EXISTS (SELECT 1 FROM pin_leases WHERE community_id = $5 AND code > k.code AND code < k.code || ':' AND length(code) = ANY($3::int[]) AND expires_at > $4::timestamptz)))`;
    return new Set((await this.rows<{ code: string }>(sql, [codes, shorter, longer, now, this.communityId])).map((r) => r.code));
  }

  async leasePins(consoleId: string, codes: readonly string[], at: string, expiresAt: string): Promise<void> {
    if (codes.length === 0) return;
    await this.statements.ask(
      'INSERT INTO pin_leases (community_id, code, console_id, leased_at, expires_at) SELECT $1, code, $3, $4, $5 FROM unnest($2::text[]) WITH ORDINALITY AS t(code, n) ORDER BY n',
      [this.communityId, codes, consoleId, at, expiresAt],
    );
  }

  async leasedPins(consoleId: string, now: string): Promise<LeasedPin[]> {
    return this.rows<LeasedPin>('SELECT code, expires_at AS "expiresAt" FROM pin_leases WHERE community_id = $3 AND console_id = $1 AND expires_at > $2 ORDER BY leased_order', [consoleId, now, this.communityId]);
  }

  async leasePin(consoleId: string, code: string, at: string, expiresAt: string): Promise<void> {
    await this.statements.ask('INSERT INTO pin_leases (community_id, code, console_id, leased_at, expires_at) VALUES ($1, $2, $3, $4, $5)', [this.communityId, code, consoleId, at, expiresAt]);
  }

  async renewLease(consoleId: string, held: readonly string[], expiresAt: string, now: string): Promise<void> {
    await this.statements.ask('DELETE FROM pin_leases WHERE community_id = $2 AND expires_at <= $1', [now, this.communityId]);
    await this.statements.ask('DELETE FROM pin_leases WHERE community_id = $3 AND console_id = $1 AND NOT (code = ANY($2::text[]))', [consoleId, held, this.communityId]);
    await this.statements.ask('UPDATE pin_leases SET expires_at = $1 WHERE community_id = $3 AND console_id = $2', [expiresAt, consoleId, this.communityId]);
  }

  async takeLeasedPin(consoleId: string, code: string, now: string): Promise<boolean> {
    return (await this.statements.ask('DELETE FROM pin_leases WHERE community_id = $4 AND code = $1 AND console_id = $2 AND expires_at > $3', [code, consoleId, now, this.communityId])).rowCount === 1;
  }
}

import type Database from 'better-sqlite3';
import type { LockModel } from '../../../shared/domain';
import type { LeasedPin, PinLeaseTx } from '../cloud-store';
import { toLockModel, type LockModelRow } from '../rows';
import { allDecoded } from './sqlite-rows';

/** A credential's code is live while it has not ended and its schedule is not over. */
const liveCode = 'c.pin_code IS NOT NULL AND c.ended_at IS NULL AND (c.ends_at IS NULL OR c.ends_at > @now)';

/**
 * The code-lease statements of the SQLite store (migration 004). Both "taken" questions walk
 * the live-code index and the lease's primary key by code, never a door's thousands of slots.
 */
export class SqlitePinLeases implements PinLeaseTx {
  constructor(
    protected readonly sql: (text: string) => Database.Statement,
    /** Every statement's community: codes of another community are neither seen nor touched. */
    protected readonly communityId: string,
  ) {}

  async doorLockModels(): Promise<LockModel[]> {
    const stored = this.sql('SELECT id, maker, name, role, capabilities_json FROM lock_models WHERE community_id = @c AND id IN (SELECT lock_model_id FROM doors WHERE community_id = @c) ORDER BY id').all({ c: this.communityId });
    return allDecoded<LockModelRow>(stored).map(toLockModel);
  }

  async pinsTaken(codes: readonly string[], now: string): Promise<boolean> {
    const sql = `SELECT EXISTS (SELECT 1 FROM credentials c WHERE c.community_id = @c AND c.pin_code IN (SELECT value FROM json_each(@codes)) AND ${liveCode})
      OR EXISTS (SELECT 1 FROM pin_leases WHERE community_id = @c AND code IN (SELECT value FROM json_each(@codes)) AND expires_at > @now)`;
    return this.sql(sql).pluck().get({ c: this.communityId, codes: JSON.stringify(codes), now }) === 1;
  }

  async pinsExtending(prefix: string, lengths: readonly number[], now: string): Promise<boolean> {
    if (lengths.length === 0) return false;
    // Digits sort before ':', so [prefix, prefix:) holds exactly the codes that start with it.
    const sql = `SELECT EXISTS (SELECT 1 FROM credentials c WHERE c.community_id = @c AND c.pin_code > @prefix AND c.pin_code < @prefix || ':'
        AND length(c.pin_code) IN (SELECT value FROM json_each(@lengths)) AND ${liveCode})
      OR EXISTS (SELECT 1 FROM pin_leases WHERE community_id = @c AND code > @prefix AND code < @prefix || ':'
        AND length(code) IN (SELECT value FROM json_each(@lengths)) AND expires_at > @now)`;
    return this.sql(sql).pluck().get({ c: this.communityId, prefix, lengths: JSON.stringify(lengths), now }) === 1;
  }

  /** In process, code by code: each look is a call into SQLite, not a round trip. */
  async pinsClashing(codes: readonly string[], shorter: readonly number[], longer: readonly number[], now: string): Promise<Set<string>> {
    const clashing = new Set<string>();
    for (const code of codes) {
      const prefixes = shorter.filter((l) => l < code.length).map((l) => code.slice(0, l));
      if ((await this.pinsTaken([code, ...prefixes], now)) || (await this.pinsExtending(code, longer, now))) clashing.add(code);
    }
    return clashing;
  }

  async leasePins(consoleId: string, codes: readonly string[], at: string, expiresAt: string): Promise<void> {
    for (const code of codes) await this.leasePin(consoleId, code, at, expiresAt);
  }

  async leasedPins(consoleId: string, now: string): Promise<LeasedPin[]> {
    return this.sql('SELECT code, expires_at AS expiresAt FROM pin_leases WHERE community_id = ? AND console_id = ? AND expires_at > ? ORDER BY rowid').all(this.communityId, consoleId, now) as LeasedPin[];
  }

  async leasePin(consoleId: string, code: string, at: string, expiresAt: string): Promise<void> {
    this.sql('INSERT INTO pin_leases (community_id, code, console_id, leased_at, expires_at) VALUES (?, ?, ?, ?, ?)').run(this.communityId, code, consoleId, at, expiresAt);
  }

  async renewLease(consoleId: string, held: readonly string[], expiresAt: string, now: string): Promise<void> {
    this.sql('DELETE FROM pin_leases WHERE community_id = ? AND expires_at <= ?').run(this.communityId, now);
    this.sql('DELETE FROM pin_leases WHERE community_id = ? AND console_id = ? AND code NOT IN (SELECT value FROM json_each(?))').run(this.communityId, consoleId, JSON.stringify(held));
    this.sql('UPDATE pin_leases SET expires_at = ? WHERE community_id = ? AND console_id = ?').run(expiresAt, this.communityId, consoleId);
  }

  async takeLeasedPin(consoleId: string, code: string, now: string): Promise<boolean> {
    return this.sql('DELETE FROM pin_leases WHERE community_id = ? AND code = ? AND console_id = ? AND expires_at > ?').run(this.communityId, code, consoleId, now).changes === 1;
  }
}

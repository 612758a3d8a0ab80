import { hashPairingCode, newPairingCode, pairingCodeLifetimeMs } from '../../consoles/pairing-code';
import { UnknownCommunity, type AnchorTaken, type AuditAnchor, type AuditHeadInput, type Change, type CloudTx, type CommunityRecord, type CommunityStore, type MutationResultRecord, type PairingCode, type StaffKeyRecord, type StaffRecord } from '../cloud-store';
import { latestAuditAnchor, takeAuditAnchor } from './sqlite-audit-anchors';
import { toChange, toMutationResult, type ChangeRow, type MutationResultRow } from '../rows';
import { allDecoded } from './sqlite-rows';
import type { SqliteShared } from './sqlite-cloud-store';
import { SqliteCloudTx } from './sqlite-cloud-tx';
import * as identity from './sqlite-staff-identity';

/** One community's part of the SQLite store: every statement says `community_id = ?`. */
export class SqliteCommunityStore implements CommunityStore {
  private readonly tx: SqliteCloudTx;

  constructor(
    private readonly shared: SqliteShared,
    readonly communityId: string,
  ) {
    this.tx = new SqliteCloudTx(shared.sql, communityId);
  }

  private run<T>(body: () => Promise<T> | T): Promise<T> {
    return this.shared.queue.run(body);
  }

  private get sql() {
    return this.shared.sql;
  }

  community(): Promise<CommunityRecord> {
    return this.run(async () => {
      if (this.sql('SELECT count(*) FROM community WHERE id = ?').pluck().get(this.communityId) === 0) throw new UnknownCommunity(this.communityId);
      return this.tx.community();
    });
  }

  createPairingCode(name: string, options: { kiosk?: boolean; now?: Date; validForMs?: number } = {}): Promise<PairingCode> {
    return this.run(() => {
      if (this.sql('SELECT count(*) FROM community WHERE id = ?').pluck().get(this.communityId) === 0) throw new UnknownCommunity(this.communityId);
      const now = options.now ?? new Date();
      const expiresAt = new Date(now.getTime() + (options.validForMs ?? pairingCodeLifetimeMs)).toISOString();
      const code = newPairingCode();
      const kiosk = options.kiosk ?? false;
      this.sql('INSERT INTO pairing_codes (code_hash, community_id, name, kiosk, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)').run(
        hashPairingCode(code), this.communityId, name, kiosk ? 1 : 0, now.toISOString(), expiresAt,
      );
      return { code, communityId: this.communityId, name, kiosk, expiresAt };
    });
  }

  revokeConsole(consoleId: string, at: string): Promise<void> {
    return this.run(() => {
      this.shared.db.transaction(() => {
        this.sql('UPDATE consoles SET revoked_at = ? WHERE community_id = ? AND id = ? AND revoked_at IS NULL').run(at, this.communityId, consoleId);
        this.sql('DELETE FROM pin_leases WHERE community_id = ? AND console_id = ?').run(this.communityId, consoleId);
        identity.revokeStaffKeys(this.sql, this.communityId, consoleId, at);
      })();
    });
  }

  staffWithPasscode(staffId: string): Promise<{ staff: StaffRecord; passcodeHash: string | null } | null> {
    return this.run(() => identity.staffWithPasscode(this.sql, this.communityId, staffId));
  }

  staffWithoutPasscode(): Promise<string[]> {
    return this.run(() => identity.staffWithoutPasscode(this.sql, this.communityId));
  }

  setStaffPasscode(staffId: string, passcodeHash: string): Promise<void> {
    return this.run(() => identity.setStaffPasscode(this.sql, this.communityId, staffId, passcodeHash));
  }

  issueStaffKey(key: StaffKeyRecord): Promise<StaffKeyRecord> {
    return this.run(() => identity.issueStaffKey(this.sql, this.communityId, key));
  }

  isTransient(error: unknown): boolean {
    return identity.isTransientSqliteError(error);
  }

  lastSeq(consoleId: string): Promise<number> {
    return this.run(() => (this.sql('SELECT last_seq FROM consoles WHERE community_id = ? AND id = ?').pluck().get(this.communityId, consoleId) as number | undefined) ?? 0);
  }

  mutationResults(mutationIds: readonly string[]): Promise<Map<string, MutationResultRecord>> {
    return this.run(() => {
      const rows = allDecoded<MutationResultRow>(this.sql('SELECT * FROM mutation_results WHERE community_id = ? AND mutation_id IN (SELECT value FROM json_each(?))').all(this.communityId, JSON.stringify(mutationIds)));
      return new Map(rows.map((r) => [r.mutation_id, toMutationResult(r)]));
    });
  }

  withConsoleLock<T>(consoleId: string, body: () => Promise<T>): Promise<T> {
    return this.shared.consoleLocks.with(`${this.communityId}\n${consoleId}`, body);
  }

  transaction<T>(body: (tx: CloudTx) => Promise<T>): Promise<T> {
    const { db } = this.shared;
    return this.run(async () => {
      // IMMEDIATE takes the write lock up front, so a second process (--pair) waits, not fails mid-way.
      db.exec('BEGIN IMMEDIATE');
      try {
        const result = await body(this.tx);
        db.exec('COMMIT');
        return result;
      } catch (error) {
        if (db.inTransaction) db.exec('ROLLBACK');
        throw error;
      }
    });
  }

  changesAfter(after: number, limit: number): Promise<{ changes: Change[]; more: boolean }> {
    return this.run(() => {
      const rows = allDecoded<ChangeRow>(this.sql('SELECT * FROM changes WHERE community_id = ? AND cursor > ? ORDER BY cursor LIMIT ?').all(this.communityId, after, limit + 1));
      return { changes: rows.slice(0, limit).map(toChange), more: rows.length > limit };
    });
  }

  takeAuditAnchor(consoleId: string, head: AuditHeadInput, previous: AuditHeadInput | null, at: string): Promise<AnchorTaken> {
    return this.run(() => takeAuditAnchor(this.shared.db, this.sql, this.communityId, consoleId, head, previous, at));
  }

  latestAuditAnchor(consoleId: string): Promise<AuditAnchor | null> {
    return this.run(() => latestAuditAnchor(this.sql, this.communityId, consoleId));
  }

  credentialOrigins(credentialIds: readonly string[]): Promise<Map<string, string>> {
    return this.run(() => {
      const rows = this.sql('SELECT id, origin_console_id AS origin FROM credentials WHERE community_id = ? AND id IN (SELECT value FROM json_each(?))').all(this.communityId, JSON.stringify(credentialIds)) as { id: string; origin: string }[];
      return new Map(rows.map((r) => [r.id, r.origin]));
    });
  }
}

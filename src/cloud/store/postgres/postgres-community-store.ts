import type pg from 'pg';
import { hashPairingCode, newPairingCode, pairingCodeLifetimeMs } from '../../consoles/pairing-code';
import { UnknownCommunity, type AnchorTaken, type AuditAnchor, type AuditHeadInput, type Change, type CloudTx, type CommunityRecord, type CommunityStore, type MutationResultRecord, type PairingCode, type StaffKeyRecord, type StaffRecord } from '../cloud-store';
import type { KeyedLocks } from '../serial-queue';
import { latestAuditAnchor, takeAuditAnchor } from './postgres-audit-anchors';
import { changesChannel } from './postgres-change-watch';
import { PostgresCloudTx } from './postgres-cloud-tx';
import { TxStatements } from './postgres-tx-statements';
import { inTransaction, lockClass, query, row, rows } from './postgres-database';
import { isTransientPostgresError } from './postgres-errors';
import { toChange, toCommunity, toMutationResult, type ChangeRow, type CommunityRow, type MutationResultRow } from '../rows';
import * as identity from './postgres-staff-identity';

/**
 * A transaction that runs alone among the community's writers (see PostgresCloudStore's
 * comment). BEGIN and the lock go in one round trip, and so do the notice to other instances
 * (when `notifyOnCommit` says so) and COMMIT: the simple protocol, the id as an escaped
 * literal. A notice is held until commit and dropped with a rollback: listeners hear only of
 * changes that are there.
 */
export function communityWriteTransaction<T>(pool: pg.Pool, communityId: string, body: (client: pg.PoolClient) => Promise<T>, notifyOnCommit: () => boolean = () => false): Promise<T> {
  return inTransaction(pool, body, {
    begin: (client) => `BEGIN; SELECT pg_advisory_xact_lock(${lockClass.communityWrites}, hashtext(${client.escapeLiteral(communityId)}))`,
    commit: (client) => (notifyOnCommit() ? `SELECT pg_notify(${client.escapeLiteral(changesChannel)}, NULL); COMMIT` : 'COMMIT'),
  });
}

export interface PostgresShared {
  pool: pg.Pool;
  lockPool: pg.Pool;
  consoleLocks: KeyedLocks;
}

/** One community's part of the PostgreSQL store: every statement names its community_id. */
export class PostgresCommunityStore implements CommunityStore {
  constructor(
    private readonly shared: PostgresShared,
    readonly communityId: string,
  ) {}

  private get pool(): pg.Pool {
    return this.shared.pool;
  }

  async community(): Promise<CommunityRecord> {
    const r = await row<CommunityRow>(this.pool, 'SELECT id, name, time_zone, phone_region, access_system, guidelines FROM community WHERE id = $1', [this.communityId]);
    if (!r) throw new UnknownCommunity(this.communityId);
    return toCommunity(r);
  }

  async createPairingCode(name: string, options: { kiosk?: boolean; now?: Date; validForMs?: number } = {}): Promise<PairingCode> {
    const now = options.now ?? new Date();
    const expiresAt = new Date(now.getTime() + (options.validForMs ?? pairingCodeLifetimeMs)).toISOString();
    const code = newPairingCode();
    const kiosk = options.kiosk ?? false;
    // Only into a community that is there: nothing is written for an unknown id.
    const made = await query(
      this.pool,
      'INSERT INTO pairing_codes (code_hash, community_id, name, kiosk, created_at, expires_at) SELECT $1, id, $3, $4, $5, $6 FROM community WHERE id = $2',
      [hashPairingCode(code), this.communityId, name, kiosk, now.toISOString(), expiresAt],
    );
    if (made.rowCount !== 1) throw new UnknownCommunity(this.communityId);
    return { code, communityId: this.communityId, name, kiosk, expiresAt };
  }

  revokeConsole(consoleId: string, at: string): Promise<void> {
    return inTransaction(this.pool, async (client) => {
      await query(client, 'UPDATE consoles SET revoked_at = $1 WHERE community_id = $3 AND id = $2 AND revoked_at IS NULL', [at, consoleId, this.communityId]);
      await query(client, 'DELETE FROM pin_leases WHERE community_id = $2 AND console_id = $1', [consoleId, this.communityId]);
      await identity.revokeStaffKeys(client, this.communityId, consoleId, at);
    });
  }

  staffWithPasscode(staffId: string): Promise<{ staff: StaffRecord; passcodeHash: string | null } | null> {
    return identity.staffWithPasscode(this.pool, this.communityId, staffId);
  }

  staffWithoutPasscode(): Promise<string[]> {
    return identity.staffWithoutPasscode(this.pool, this.communityId);
  }

  setStaffPasscode(staffId: string, passcodeHash: string): Promise<void> {
    return identity.setStaffPasscode(this.pool, this.communityId, staffId, passcodeHash);
  }

  issueStaffKey(key: StaffKeyRecord): Promise<StaffKeyRecord> {
    return identity.issueStaffKey(this.pool, this.communityId, key);
  }

  isTransient(error: unknown): boolean {
    return isTransientPostgresError(error);
  }

  async lastSeq(consoleId: string): Promise<number> {
    return (await row<{ last_seq: number }>(this.pool, 'SELECT last_seq FROM consoles WHERE community_id = $2 AND id = $1', [consoleId, this.communityId]))?.last_seq ?? 0;
  }

  async mutationResults(mutationIds: readonly string[]): Promise<Map<string, MutationResultRecord>> {
    const found = await rows<MutationResultRow>(this.pool, 'SELECT * FROM mutation_results WHERE community_id = $2 AND mutation_id = ANY($1::text[])', [mutationIds, this.communityId]);
    return new Map(found.map((r) => [r.mutation_id, toMutationResult(r)]));
  }

  /** In this process one waiter per console holds a connection; across instances the database's advisory lock decides. */
  withConsoleLock<T>(consoleId: string, body: () => Promise<T>): Promise<T> {
    const key = `${this.communityId}\n${consoleId}`;
    return this.shared.consoleLocks.with(key, async () => {
      const client = await this.shared.lockPool.connect();
      let broken: Error | undefined;
      try {
        await client.query('SELECT pg_advisory_lock($1, hashtext($2))', [lockClass.consolePush, key]);
        try {
          return await body();
        } finally {
          await client.query('SELECT pg_advisory_unlock($1, hashtext($2))', [lockClass.consolePush, key]).catch((e: Error) => (broken = e));
        }
      } finally {
        // A connection that failed to unlock is closed: the server drops its locks with it.
        client.release(broken);
      }
    });
  }

  /**
   * A mutation transaction: BEGIN rides along with its first statement, the community's write
   * lock with the first that needs it (TxStatements), and every statement sent without waiting
   * is answered before COMMIT. The notice to other instances goes with COMMIT, as in
   * communityWriteTransaction.
   */
  transaction<T>(body: (tx: CloudTx) => Promise<T>): Promise<T> {
    let tx: PostgresCloudTx | undefined;
    let statements: TxStatements | undefined;
    return inTransaction(
      this.pool,
      async (client) => {
        statements = new TxStatements(client, { text: 'SELECT pg_advisory_xact_lock($1, hashtext($2))', values: [lockClass.communityWrites, this.communityId] });
        const result = await body((tx = new PostgresCloudTx(statements, this.communityId)));
        await statements.answered();
        return result;
      },
      {
        begin: () => 'BEGIN',
        beginRidesAlong: true,
        commit: (client) => (tx?.appended ? `SELECT pg_notify(${client.escapeLiteral(changesChannel)}, NULL); COMMIT` : 'COMMIT'),
        failed: () => statements?.answered().catch(() => undefined),
      },
    );
  }

  async changesAfter(after: number, limit: number): Promise<{ changes: Change[]; more: boolean }> {
    const found = await rows<ChangeRow>(this.pool, 'SELECT * FROM changes WHERE community_id = $3 AND cursor > $1 ORDER BY cursor LIMIT $2', [after, limit + 1, this.communityId]);
    return { changes: found.slice(0, limit).map(toChange), more: found.length > limit };
  }

  takeAuditAnchor(consoleId: string, head: AuditHeadInput, previous: AuditHeadInput | null, at: string): Promise<AnchorTaken> {
    return inTransaction(this.pool, (client) => takeAuditAnchor(client, this.communityId, consoleId, head, previous, at));
  }

  latestAuditAnchor(consoleId: string): Promise<AuditAnchor | null> {
    return latestAuditAnchor(this.pool, this.communityId, consoleId);
  }

  async credentialOrigins(credentialIds: readonly string[]): Promise<Map<string, string>> {
    const found = await rows<{ id: string; origin: string }>(this.pool, 'SELECT id, origin_console_id AS origin FROM credentials WHERE community_id = $2 AND id = ANY($1::text[])', [credentialIds, this.communityId]);
    return new Map(found.map((r) => [r.id, r.origin]));
  }
}

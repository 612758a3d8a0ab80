import type pg from 'pg';
import type { CommunityFile } from '../../community/community-file';
import { hashPairingCode, newPairingCode, pairingCodeLifetimeMs } from '../../consoles/pairing-code';
import type { AnchorTaken, AuditAnchor, AuditHeadInput, Change, CloudStore, CloudTx, CommunityRecord, ConsoleRecord, MutationResultRecord, NewConsole, PairingCode, PairingRefusal, QueuedText, SignInFailures, StaffKeyRecord, StaffRecord } from '../cloud-store';
import { KeyedLocks } from '../serial-queue';
import { latestAuditAnchor, takeAuditAnchor } from './postgres-audit-anchors';
import { ChangeWatch, changesChannel } from './postgres-change-watch';
import { PostgresCloudTx } from './postgres-cloud-tx';
import { inTransaction, lockClass, query, row, rows } from './postgres-database';
import { isTransientPostgresError } from './postgres-errors';
import { toChange, toCommunity, toConsole, toMutationResult, toQueuedText, type ChangeRow, type CommunityRow, type ConsoleRow, type MutationResultRow, type TextRow } from './postgres-rows';
import { seedCommunity } from './postgres-seed-community';
import * as identity from './postgres-staff-identity';

/**
 * The cloud store on PostgreSQL, shared by any number of cloud instances. What must hold
 * across instances is held by the database, not by this process:
 * - exactly once per mutation id: mutation_results' primary key, written in the mutation's
 *   own transaction;
 * - in order per console: consoles.last_seq moves only forward (a row lock and a guarded
 *   UPDATE) and mutation_results is unique on (console, seq);
 * - a push's batch is not interleaved with another push of the same console: a session
 *   advisory lock per console for the whole push, on a connection of its own;
 * - one writer at a time per community: every mutation transaction first takes the
 *   community's transaction-scoped advisory lock, as SQLite's BEGIN IMMEDIATE does. Under
 *   READ COMMITTED each later statement then sees every earlier writer's commit, so checks
 *   (a code taken, a slot live) cannot race, and change cursors, drawn under the lock, are
 *   handed out in commit order: a pull never skips a change that commits late.
 */
export class PostgresCloudStore implements CloudStore {
  private readonly consoleLocks = new KeyedLocks();
  private closed: Promise<void> | null = null;

  constructor(
    private readonly pool: pg.Pool,
    /** Connections that hold a console's push lock, apart from the pool the pushes' transactions use, so neither starves the other. */
    private readonly lockPool: pg.Pool,
    private readonly changeWatch: ChangeWatch,
  ) {}

  async hasCommunity(): Promise<boolean> {
    return (await row<{ n: number }>(this.pool, 'SELECT count(*)::int AS n FROM community'))!.n !== 0;
  }

  async community(): Promise<CommunityRecord> {
    return toCommunity((await row<CommunityRow>(this.pool, 'SELECT id, name, time_zone, phone_region, access_system, guidelines FROM community'))!);
  }

  seedCommunity(file: CommunityFile): Promise<void> {
    return this.writeTransaction((client) => seedCommunity(client, file));
  }

  async createPairingCode(name: string, options: { kiosk?: boolean; now?: Date; validForMs?: number } = {}): Promise<PairingCode> {
    const now = options.now ?? new Date();
    const expiresAt = new Date(now.getTime() + (options.validForMs ?? pairingCodeLifetimeMs)).toISOString();
    const code = newPairingCode();
    const kiosk = options.kiosk ?? false;
    await query(this.pool, 'INSERT INTO pairing_codes (code_hash, name, kiosk, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)', [hashPairingCode(code), name, kiosk, now.toISOString(), expiresAt]);
    return { code, name, kiosk, expiresAt };
  }

  pairConsole(c: NewConsole): Promise<{ paired: ConsoleRecord } | { refused: PairingRefusal }> {
    return inTransaction(this.pool, async (client) => {
      const hash = hashPairingCode(c.pairingCode);
      // FOR UPDATE: the same code presented to two instances at once pairs one console.
      const code = await row<{ kiosk: boolean; expires_at: string; used_at: string | null }>(client, 'SELECT kiosk, expires_at, used_at FROM pairing_codes WHERE code_hash = $1 FOR UPDATE', [hash]);
      if (!code) return { refused: 'unknown' };
      if (code.used_at !== null) return { refused: 'used' };
      if (code.expires_at <= c.at) return { refused: 'expired' };
      await query(client, 'UPDATE pairing_codes SET used_at = $1, console_id = $2 WHERE code_hash = $3', [c.at, c.consoleId, hash]);
      // A code the operator made for a kiosk pairs a kiosk, whatever the console asks.
      const kiosk = c.kiosk || code.kiosk;
      await query(client, 'INSERT INTO consoles (id, name, kiosk, token_hash, paired_at) VALUES ($1, $2, $3, $4, $5)', [c.consoleId, c.name, kiosk, c.tokenHash, c.at]);
      return { paired: { id: c.consoleId, name: c.name, kiosk, pairedAt: c.at } };
    });
  }

  async consoleByTokenHash(tokenHash: string): Promise<ConsoleRecord | null> {
    const r = await row<ConsoleRow>(this.pool, 'SELECT id, name, kiosk, paired_at FROM consoles WHERE token_hash = $1 AND revoked_at IS NULL', [tokenHash]);
    return r ? toConsole(r) : null;
  }

  revokeConsole(consoleId: string, at: string): Promise<void> {
    return inTransaction(this.pool, async (client) => {
      await query(client, 'UPDATE consoles SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL', [at, consoleId]);
      await query(client, 'DELETE FROM pin_leases WHERE console_id = $1', [consoleId]);
      await identity.revokeStaffKeys(client, consoleId, at);
    });
  }

  staffWithPasscode(staffId: string): Promise<{ staff: StaffRecord; passcodeHash: string | null } | null> {
    return identity.staffWithPasscode(this.pool, staffId);
  }

  staffWithoutPasscode(): Promise<string[]> {
    return identity.staffWithoutPasscode(this.pool);
  }

  setStaffPasscode(staffId: string, passcodeHash: string): Promise<void> {
    return identity.setStaffPasscode(this.pool, staffId, passcodeHash);
  }

  signInFailures(consoleId: string, staffId: string): Promise<SignInFailures | null> {
    return identity.signInFailures(this.pool, consoleId, staffId);
  }

  recordSignInFailures(consoleId: string, staffId: string, failures: SignInFailures): Promise<void> {
    return identity.recordSignInFailures(this.pool, consoleId, staffId, failures);
  }

  clearSignInFailures(consoleId: string, staffId: string): Promise<void> {
    return identity.clearSignInFailures(this.pool, consoleId, staffId);
  }

  issueStaffKey(key: StaffKeyRecord): Promise<StaffKeyRecord> {
    return identity.issueStaffKey(this.pool, key);
  }

  isTransient(error: unknown): boolean {
    return isTransientPostgresError(error);
  }

  async lastSeq(consoleId: string): Promise<number> {
    return (await row<{ last_seq: number }>(this.pool, 'SELECT last_seq FROM consoles WHERE id = $1', [consoleId]))?.last_seq ?? 0;
  }

  async mutationResults(mutationIds: readonly string[]): Promise<Map<string, MutationResultRecord>> {
    const found = await rows<MutationResultRow>(this.pool, 'SELECT * FROM mutation_results WHERE mutation_id = ANY($1::text[])', [mutationIds]);
    return new Map(found.map((r) => [r.mutation_id, toMutationResult(r)]));
  }

  /** In this process one waiter per console holds a connection; across instances the database's advisory lock decides. */
  withConsoleLock<T>(consoleId: string, body: () => Promise<T>): Promise<T> {
    return this.consoleLocks.with(consoleId, async () => {
      const client = await this.lockPool.connect();
      let broken: Error | undefined;
      try {
        await client.query('SELECT pg_advisory_lock($1, hashtext($2))', [lockClass.consolePush, consoleId]);
        try {
          return await body();
        } finally {
          await client.query('SELECT pg_advisory_unlock($1, hashtext($2))', [lockClass.consolePush, consoleId]).catch((e: Error) => (broken = e));
        }
      } finally {
        // A connection that failed to unlock is closed: the server drops its locks with it.
        client.release(broken);
      }
    });
  }

  transaction<T>(body: (tx: CloudTx) => Promise<T>): Promise<T> {
    return this.writeTransaction(async (client) => {
      const tx = new PostgresCloudTx(client);
      const result = await body(tx);
      // Held until commit, and dropped with a rollback: listeners hear only of changes that are there.
      if (tx.appended) await query(client, 'SELECT pg_notify($1, NULL)', [changesChannel]);
      return result;
    });
  }

  watchChanges(listener: () => void): () => void {
    return this.changeWatch.watch(listener);
  }

  /** A transaction that runs alone among the community's writers (see the class comment). */
  private writeTransaction<T>(body: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    return inTransaction(this.pool, async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1, 0)', [lockClass.communityWrites]);
      return body(client);
    });
  }

  async changesAfter(after: number, limit: number): Promise<{ changes: Change[]; more: boolean }> {
    const found = await rows<ChangeRow>(this.pool, 'SELECT * FROM changes WHERE cursor > $1 ORDER BY cursor LIMIT $2', [after, limit + 1]);
    return { changes: found.slice(0, limit).map(toChange), more: found.length > limit };
  }

  takeAuditAnchor(consoleId: string, head: AuditHeadInput, previous: AuditHeadInput | null, at: string): Promise<AnchorTaken> {
    return inTransaction(this.pool, (client) => takeAuditAnchor(client, consoleId, head, previous, at));
  }

  latestAuditAnchor(consoleId: string): Promise<AuditAnchor | null> {
    return latestAuditAnchor(this.pool, consoleId);
  }

  async credentialOrigins(credentialIds: readonly string[]): Promise<Map<string, string>> {
    const found = await rows<{ id: string; origin: string }>(this.pool, 'SELECT id, origin_console_id AS origin FROM credentials WHERE id = ANY($1::text[])', [credentialIds]);
    return new Map(found.map((r) => [r.id, r.origin]));
  }

  async dueTexts(now: string, limit: number): Promise<QueuedText[]> {
    const found = await rows<TextRow>(this.pool, "SELECT * FROM text_outbox WHERE state = 'pending' AND next_attempt_at <= $1 ORDER BY id LIMIT $2", [now, limit]);
    return found.map(toQueuedText);
  }

  async nextTextDue(): Promise<string | null> {
    return (await row<{ due: string | null }>(this.pool, "SELECT min(next_attempt_at) AS due FROM text_outbox WHERE state = 'pending'"))?.due ?? null;
  }

  /** Waits for connections in use to come back, then closes them all; a second call waits for the first. */
  close(): Promise<void> {
    this.changeWatch.close();
    this.closed ??= Promise.all([this.pool.end(), this.lockPool.end()]).then(() => undefined);
    return this.closed;
  }
}

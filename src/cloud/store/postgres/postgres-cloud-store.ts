import type pg from 'pg';
import type { CommunityFile } from '../../community/community-file';
import { hashPairingCode } from '../../consoles/pairing-code';
import type { CloudStore, CommunityRecord, CommunityStore, ConsoleRecord, GuestPageRecord, NewConsole, PairingRefusal, QueuedText, TextClaim } from '../cloud-store';
import { migrations } from './migrations';
import * as attempts from './postgres-attempt-limits';
import { KeyedLocks } from '../serial-queue';
import { ChangeWatch } from './postgres-change-watch';
import { PostgresCommunityStore, communityWriteTransaction } from './postgres-community-store';
import { inTransaction, query, row, rows } from './postgres-database';
import { isTransientPostgresError } from './postgres-errors';
import { toCommunity, toConsole, toQueuedText, type CommunityRow, type ConsoleRow, type TextRow } from '../rows';
import { seedCommunity } from './postgres-seed-community';

/**
 * The cloud store on PostgreSQL, shared by any number of cloud instances and communities.
 * What must hold across instances is held by the database, not by this process:
 * - exactly once per mutation id: mutation_results' primary key (community, mutation id),
 *   written in the transaction that applies it (one a push's batch, a savepoint a mutation);
 * - in order per console: consoles.last_seq moves only forward (a row lock and a guarded
 *   UPDATE) and mutation_results is unique on (community, console, seq);
 * - a push's batch is not interleaved with another push of the same console: a session
 *   advisory lock per console for the whole push, on a connection of its own;
 * - one writer at a time per community: every mutation transaction first takes the
 *   community's transaction-scoped advisory lock, as SQLite's BEGIN IMMEDIATE does. Under
 *   READ COMMITTED each later statement then sees every earlier writer's commit, so checks
 *   (a code taken, a slot live) cannot race, and change cursors, drawn under the lock, are
 *   handed out in commit order within the community: a pull, always of one community, never
 *   skips a change that commits late. Communities do not wait for each other.
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

  async communities(): Promise<CommunityRecord[]> {
    return (await rows<CommunityRow>(this.pool, 'SELECT id, name, time_zone, phone_region, access_system, guidelines FROM community ORDER BY id COLLATE "C"')).map(toCommunity);
  }

  addCommunity(file: CommunityFile): Promise<CommunityRecord> {
    return communityWriteTransaction(this.pool, file.community.id, async (client) => {
      await seedCommunity(client, file);
      return toCommunity((await row<CommunityRow>(client, 'SELECT id, name, time_zone, phone_region, access_system, guidelines FROM community WHERE id = $1', [file.community.id]))!);
    });
  }

  forCommunity(communityId: string): CommunityStore {
    return new PostgresCommunityStore({ pool: this.pool, lockPool: this.lockPool, consoleLocks: this.consoleLocks }, communityId);
  }

  pairConsole(c: NewConsole): Promise<{ paired: ConsoleRecord } | { refused: PairingRefusal }> {
    return inTransaction(this.pool, async (client) => {
      const hash = hashPairingCode(c.pairingCode);
      // FOR UPDATE: the same code presented to two instances at once pairs one console.
      const code = await row<{ community_id: string; kiosk: boolean; expires_at: string; used_at: string | null }>(
        client,
        'SELECT community_id, kiosk, expires_at, used_at FROM pairing_codes WHERE code_hash = $1 FOR UPDATE',
        [hash],
      );
      if (!code) return { refused: 'unknown' };
      if (code.used_at !== null) return { refused: 'used' };
      if (code.expires_at <= c.at) return { refused: 'expired' };
      await query(client, 'UPDATE pairing_codes SET used_at = $1, console_id = $2 WHERE code_hash = $3', [c.at, c.consoleId, hash]);
      // A code the operator made for a kiosk pairs a kiosk, whatever the console asks; the code's community is the console's.
      const kiosk = c.kiosk || code.kiosk;
      await query(client, 'INSERT INTO consoles (community_id, id, name, kiosk, token_hash, paired_at) VALUES ($1, $2, $3, $4, $5, $6)', [code.community_id, c.consoleId, c.name, kiosk, c.tokenHash, c.at]);
      return { paired: { id: c.consoleId, communityId: code.community_id, name: c.name, kiosk, pairedAt: c.at } };
    });
  }

  async consoleByTokenHash(tokenHash: string): Promise<ConsoleRecord | null> {
    const r = await row<ConsoleRow>(this.pool, 'SELECT id, community_id, name, kiosk, paired_at FROM consoles WHERE token_hash = $1 AND revoked_at IS NULL', [tokenHash]);
    return r ? toConsole(r) : null;
  }

  /** A visit's page names every unit the code still opens. */
  guestPage(linkTokenHash: string): Promise<GuestPageRecord | null> {
    return row<GuestPageRecord>(
      this.pool,
      `SELECT c.name AS "communityName", c.time_zone AS "timeZone",
         coalesce((SELECT string_agg(vb.name || ' ' || vu.number, ', ' ORDER BY vb.name, vu.number) FROM credentials v
           JOIN units vu ON vu.community_id = v.community_id AND vu.id = v.unit_id JOIN buildings vb ON vb.community_id = vu.community_id AND vb.id = vu.building_id
           WHERE v.community_id = cr.community_id AND v.visit_id = cr.visit_id AND v.ended_at IS NULL), b.name || ' ' || u.number, cr.unit_id) AS "unitLabel",
         cr.pin_code AS "pinCode", cr.schedule, cr.ends_at AS "endsAt", cr.ended_at AS "endedAt"
       FROM text_outbox t
       JOIN credentials cr ON cr.community_id = t.community_id AND cr.id = t.credential_id
       JOIN community c ON c.id = t.community_id
       LEFT JOIN units u ON u.community_id = cr.community_id AND u.id = cr.unit_id
       LEFT JOIN buildings b ON b.community_id = u.community_id AND b.id = u.building_id
       WHERE t.link_token_hash = $1`,
      [linkTokenHash],
    );
  }

  attempt(limit: string, key: string, at: string, forgetBefore: string, delayFor: (failures: number) => number, check: () => Promise<boolean>): Promise<number> {
    return attempts.attempt(this.pool, this.lockPool, limit, key, at, forgetBefore, delayFor, check);
  }

  isTransient(error: unknown): boolean {
    return isTransientPostgresError(error);
  }

  watchChanges(listener: () => void): () => void {
    return this.changeWatch.watch(listener);
  }

  /** SKIP LOCKED: instances claiming at once each take other texts, none waits on another's claim. */
  async claimDueTexts(now: string, limit: number, claim: TextClaim): Promise<QueuedText[]> {
    const found = await rows<TextRow>(
      this.pool,
      `UPDATE text_outbox SET claimed_by = $3, claimed_until = $4
       WHERE id IN (SELECT id FROM text_outbox WHERE state = 'pending' AND next_attempt_at <= $1 AND (claimed_until IS NULL OR claimed_until <= $1)
                    ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED)
       RETURNING *`,
      [now, limit, claim.by, claim.until],
    );
    return found.map(toQueuedText).sort((a, b) => a.id - b.id);
  }

  async nextTextDue(): Promise<string | null> {
    return (await row<{ due: string | null }>(this.pool, "SELECT min(GREATEST(next_attempt_at, claimed_until)) AS due FROM text_outbox WHERE state = 'pending'"))?.due ?? null;
  }

  async notReadyBecause(): Promise<string | null> {
    try {
      const applied = new Set((await rows<{ version: number }>(this.pool, 'SELECT version FROM schema_migrations')).map((r) => r.version));
      const missing = migrations.filter((m) => !applied.has(m.version)).map((m) => m.version);
      return missing.length ? `The database lacks migration ${missing.join(', ')}.` : null;
    } catch (error) {
      return `The database does not answer (${(error as { code?: string }).code ?? 'no code'}).`;
    }
  }

  /** Waits for connections in use to come back, then closes them all; a second call waits for the first. */
  close(): Promise<void> {
    this.changeWatch.close();
    this.closed ??= Promise.all([this.pool.end(), this.lockPool.end()]).then(() => undefined);
    return this.closed;
  }
}

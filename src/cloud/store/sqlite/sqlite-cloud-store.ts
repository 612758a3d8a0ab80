import type { CommunityFile } from '../../community/community-file';
import { hashPairingCode } from '../../consoles/pairing-code';
import type { CloudStore, CommunityRecord, CommunityStore, ConsoleRecord, GuestPageRecord, NewConsole, PairingRefusal, QueuedText } from '../cloud-store';
import { toCommunity, toConsole, toQueuedText, type CommunityRow, type ConsoleRow, type TextRow } from '../rows';
import { allDecoded, decoded, decodedOrNull } from './sqlite-rows';
import { seedCommunity } from './seed-community';
import { KeyedLocks, SerialQueue } from '../serial-queue';
import { SqliteCommunityStore } from './sqlite-community-store';
import { openCloudDatabase, statementCache, type Db } from './sqlite-database';
import { isTransientSqliteError } from './sqlite-staff-identity';
import * as attempts from './sqlite-attempt-limits';
import { migrations } from './migrations';

/** The cloud store on one SQLite file, `<dataDir>/cloud.sqlite` (WAL). */
export function openSqliteCloudStore(dataDir: string): CloudStore {
  return new SqliteCloudStore(openCloudDatabase(dataDir));
}

/** What every community's part of the store shares: the one connection, its queue, the push locks. */
export interface SqliteShared {
  db: Db;
  sql: ReturnType<typeof statementCache>;
  queue: SerialQueue;
  consoleLocks: KeyedLocks;
  /** Tries at one attempt-limit key, one at a time (CloudStore.attempt). */
  attemptLocks: KeyedLocks;
}

/** The units a vendor's visit still covers, "North Tower 301, North Tower 302", or null for a credential on its own. */
const visitUnitLabels = `SELECT group_concat(label, ', ') FROM (SELECT vb.name || ' ' || vu.number AS label FROM credentials v
  JOIN units vu ON vu.community_id = v.community_id AND vu.id = v.unit_id JOIN buildings vb ON vb.community_id = vu.community_id AND vb.id = vu.building_id
  WHERE v.community_id = cr.community_id AND v.visit_id = cr.visit_id AND v.ended_at IS NULL ORDER BY vb.name, vu.number)`;

class SqliteCloudStore implements CloudStore {
  private readonly shared: SqliteShared;

  constructor(private readonly db: Db) {
    this.shared = { db, sql: statementCache(db), queue: new SerialQueue(), consoleLocks: new KeyedLocks(), attemptLocks: new KeyedLocks() };
  }

  private get sql() {
    return this.shared.sql;
  }

  communities(): Promise<CommunityRecord[]> {
    return this.shared.queue.run(() => allDecoded<CommunityRow>(this.sql('SELECT * FROM community ORDER BY id').all()).map(toCommunity));
  }

  addCommunity(file: CommunityFile): Promise<CommunityRecord> {
    return this.shared.queue.run(() => {
      seedCommunity(this.db, file);
      return toCommunity(decoded<CommunityRow>(this.sql('SELECT * FROM community WHERE id = ?').get(file.community.id)));
    });
  }

  forCommunity(communityId: string): CommunityStore {
    return new SqliteCommunityStore(this.shared, communityId);
  }

  pairConsole(c: NewConsole): Promise<{ paired: ConsoleRecord } | { refused: PairingRefusal }> {
    return this.shared.queue.run(() =>
      this.db
        .transaction((): { paired: ConsoleRecord } | { refused: PairingRefusal } => {
          const hash = hashPairingCode(c.pairingCode);
          const code = this.sql('SELECT community_id, kiosk, expires_at, used_at FROM pairing_codes WHERE code_hash = ?').get(hash) as
            { community_id: string; kiosk: number; expires_at: string; used_at: string | null } | undefined;
          if (!code) return { refused: 'unknown' };
          if (code.used_at !== null) return { refused: 'used' };
          if (code.expires_at <= c.at) return { refused: 'expired' };
          this.sql('UPDATE pairing_codes SET used_at = ?, console_id = ? WHERE code_hash = ?').run(c.at, c.consoleId, hash);
          // A code the operator made for a kiosk pairs a kiosk, whatever the console asks; the code's community is the console's.
          const kiosk = c.kiosk || code.kiosk === 1 ? 1 : 0;
          this.sql('INSERT INTO consoles (community_id, id, name, kiosk, token_hash, paired_at) VALUES (?, ?, ?, ?, ?, ?)').run(code.community_id, c.consoleId, c.name, kiosk, c.tokenHash, c.at);
          return { paired: { id: c.consoleId, communityId: code.community_id, name: c.name, kiosk: kiosk === 1, pairedAt: c.at } };
        })
        .immediate(),
    );
  }

  consoleByTokenHash(tokenHash: string): Promise<ConsoleRecord | null> {
    return this.shared.queue.run(() => {
      // A flag is 0 or 1 in SQLite.
      const row = this.sql('SELECT id, community_id, name, kiosk, paired_at FROM consoles WHERE token_hash = ? AND revoked_at IS NULL').get(tokenHash) as (Omit<ConsoleRow, 'kiosk'> & { kiosk: number }) | undefined;
      return row ? toConsole({ ...row, kiosk: row.kiosk === 1 }) : null;
    });
  }

  /** A visit's page names every unit the code still opens. */
  guestPage(linkTokenHash: string): Promise<GuestPageRecord | null> {
    return this.shared.queue.run(() =>
      decodedOrNull<GuestPageRecord>(
        this.sql(
          `SELECT c.name AS communityName, c.time_zone AS timeZone,
             coalesce((${visitUnitLabels}), b.name || ' ' || u.number, cr.unit_id) AS unitLabel,
             cr.pin_code AS pinCode, cr.schedule_json, cr.ends_at AS endsAt, cr.ended_at AS endedAt
           FROM text_outbox t
           JOIN credentials cr ON cr.community_id = t.community_id AND cr.id = t.credential_id
           JOIN community c ON c.id = t.community_id
           LEFT JOIN units u ON u.community_id = cr.community_id AND u.id = cr.unit_id
           LEFT JOIN buildings b ON b.community_id = u.community_id AND b.id = u.building_id
           WHERE t.link_token_hash = ?`,
        ).get(linkTokenHash),
      ),
    );
  }

  /** One process uses the file: tries at one key take turns here, and each reads and counts in a short transaction of its own. */
  attempt(limit: string, key: string, at: string, forgetBefore: string, delayFor: (failures: number) => number, check: () => Promise<boolean>): Promise<number> {
    return this.shared.attemptLocks.with(`${limit}\n${key}`, async () => {
      const waitMs = await this.shared.queue.run(() => this.db.transaction(() => attempts.waitLeft(this.sql, limit, key, at, forgetBefore)).immediate());
      if (waitMs > 0) return waitMs;
      const right = await check();
      await this.shared.queue.run(() =>
        this.db.transaction(() => (right ? attempts.clearAttempts(this.sql, limit, key) : attempts.countFailure(this.sql, limit, key, at, forgetBefore, delayFor))).immediate(),
      );
      return 0;
    });
  }

  isTransient(error: unknown): boolean {
    return isTransientSqliteError(error);
  }

  /** One process appends changes to the file (`--pair` appends none): its server wakes its own pulls. */
  watchChanges(): () => void {
    return () => undefined;
  }

  /** One process sends texts from the file, one at a time: the claim has no one to keep out. */
  claimDueTexts(now: string, limit: number): Promise<QueuedText[]> {
    return this.shared.queue.run(() => {
      return allDecoded<TextRow>(this.sql("SELECT * FROM text_outbox WHERE state = 'pending' AND next_attempt_at <= ? ORDER BY id LIMIT ?").all(now, limit)).map(toQueuedText);
    });
  }

  nextTextDue(): Promise<string | null> {
    return this.shared.queue.run(() => (this.sql("SELECT min(next_attempt_at) FROM text_outbox WHERE state = 'pending'").pluck().get() as string | null) ?? null);
  }

  notReadyBecause(): Promise<string | null> {
    return this.shared.queue.run(() => {
      try {
        const applied = new Set(this.sql('SELECT version FROM schema_migrations').pluck().all() as number[]);
        const missing = migrations.filter((m) => !applied.has(m.version)).map((m) => m.version);
        return missing.length ? `The database lacks migration ${missing.join(', ')}.` : null;
      } catch (error) {
        return `The database does not answer (${(error as { code?: string }).code ?? 'no code'}).`;
      }
    });
  }

  async close(): Promise<void> {
    await this.shared.queue.idle();
    if (this.db.open) this.db.close();
  }
}

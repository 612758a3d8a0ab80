import type { CommunityFile } from '../../community/community-file';
import { hashPairingCode, newPairingCode, pairingCodeLifetimeMs } from '../../consoles/pairing-code';
import type { AnchorTaken, AuditAnchor, AuditHeadInput, Change, CloudStore, CloudTx, CommunityRecord, ConsoleRecord, MutationResultRecord, NewConsole, PairingCode, PairingRefusal, QueuedText, SignInFailures, StaffKeyRecord, StaffRecord } from '../cloud-store';
import { latestAuditAnchor, takeAuditAnchor } from './sqlite-audit-anchors';
import { toChange, toConsole, toMutationResult, toQueuedText, type ChangeRow, type ConsoleRow, type MutationResultRow, type TextRow } from './rows';
import { seedCommunity } from './seed-community';
import { KeyedLocks, SerialQueue } from '../serial-queue';
import { SqliteCloudTx } from './sqlite-cloud-tx';
import { openCloudDatabase, statementCache, type Db } from './sqlite-database';
import * as identity from './sqlite-staff-identity';

/** The cloud store on one SQLite file, `<dataDir>/cloud.sqlite` (WAL). */
export function openSqliteCloudStore(dataDir: string): CloudStore {
  return new SqliteCloudStore(openCloudDatabase(dataDir));
}

class SqliteCloudStore implements CloudStore {
  private readonly sql: ReturnType<typeof statementCache>;
  private readonly queue = new SerialQueue();
  private readonly consoleLocks = new KeyedLocks();
  private readonly tx: SqliteCloudTx;

  constructor(private readonly db: Db) {
    this.sql = statementCache(db);
    this.tx = new SqliteCloudTx(this.sql);
  }

  hasCommunity(): Promise<boolean> {
    return this.queue.run(() => this.sql('SELECT count(*) FROM community').pluck().get() !== 0);
  }

  community(): Promise<CommunityRecord> {
    return this.queue.run(() => this.tx.community());
  }

  seedCommunity(file: CommunityFile): Promise<void> {
    return this.queue.run(() => seedCommunity(this.db, file));
  }

  createPairingCode(name: string, options: { kiosk?: boolean; now?: Date; validForMs?: number } = {}): Promise<PairingCode> {
    return this.queue.run(() => {
      const now = options.now ?? new Date();
      const expiresAt = new Date(now.getTime() + (options.validForMs ?? pairingCodeLifetimeMs)).toISOString();
      const code = newPairingCode();
      const kiosk = options.kiosk ?? false;
      this.sql('INSERT INTO pairing_codes (code_hash, name, kiosk, created_at, expires_at) VALUES (?, ?, ?, ?, ?)').run(hashPairingCode(code), name, kiosk ? 1 : 0, now.toISOString(), expiresAt);
      return { code, name, kiosk, expiresAt };
    });
  }

  pairConsole(c: NewConsole): Promise<{ paired: ConsoleRecord } | { refused: PairingRefusal }> {
    return this.queue.run(() =>
      this.db
        .transaction((): { paired: ConsoleRecord } | { refused: PairingRefusal } => {
          const hash = hashPairingCode(c.pairingCode);
          const code = this.sql('SELECT kiosk, expires_at, used_at FROM pairing_codes WHERE code_hash = ?').get(hash) as { kiosk: number; expires_at: string; used_at: string | null } | undefined;
          if (!code) return { refused: 'unknown' };
          if (code.used_at !== null) return { refused: 'used' };
          if (code.expires_at <= c.at) return { refused: 'expired' };
          this.sql('UPDATE pairing_codes SET used_at = ?, console_id = ? WHERE code_hash = ?').run(c.at, c.consoleId, hash);
          // A code the operator made for a kiosk pairs a kiosk, whatever the console asks.
          const kiosk = c.kiosk || code.kiosk === 1 ? 1 : 0;
          this.sql('INSERT INTO consoles (id, name, kiosk, token_hash, paired_at) VALUES (?, ?, ?, ?, ?)').run(c.consoleId, c.name, kiosk, c.tokenHash, c.at);
          return { paired: { id: c.consoleId, name: c.name, kiosk: kiosk === 1, pairedAt: c.at } };
        })
        .immediate(),
    );
  }

  consoleByTokenHash(tokenHash: string): Promise<ConsoleRecord | null> {
    return this.queue.run(() => {
      const row = this.sql('SELECT id, name, kiosk, paired_at FROM consoles WHERE token_hash = ? AND revoked_at IS NULL').get(tokenHash) as ConsoleRow | undefined;
      return row ? toConsole(row) : null;
    });
  }

  revokeConsole(consoleId: string, at: string): Promise<void> {
    return this.queue.run(() => {
      this.db.transaction(() => {
        this.sql('UPDATE consoles SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(at, consoleId);
        this.sql('DELETE FROM pin_leases WHERE console_id = ?').run(consoleId);
        identity.revokeStaffKeys(this.sql, consoleId, at);
      })();
    });
  }

  staffWithPasscode(staffId: string): Promise<{ staff: StaffRecord; passcodeHash: string | null } | null> {
    return this.queue.run(() => identity.staffWithPasscode(this.sql, staffId));
  }

  staffWithoutPasscode(): Promise<string[]> {
    return this.queue.run(() => identity.staffWithoutPasscode(this.sql));
  }

  setStaffPasscode(staffId: string, passcodeHash: string): Promise<void> {
    return this.queue.run(() => identity.setStaffPasscode(this.sql, staffId, passcodeHash));
  }

  signInFailures(consoleId: string, staffId: string): Promise<SignInFailures | null> {
    return this.queue.run(() => identity.signInFailures(this.sql, consoleId, staffId));
  }

  recordSignInFailures(consoleId: string, staffId: string, failures: SignInFailures): Promise<void> {
    return this.queue.run(() => identity.recordSignInFailures(this.sql, consoleId, staffId, failures));
  }

  clearSignInFailures(consoleId: string, staffId: string): Promise<void> {
    return this.queue.run(() => identity.clearSignInFailures(this.sql, consoleId, staffId));
  }

  issueStaffKey(key: StaffKeyRecord): Promise<StaffKeyRecord> {
    return this.queue.run(() => identity.issueStaffKey(this.sql, key));
  }

  isTransient(error: unknown): boolean {
    return identity.isTransientSqliteError(error);
  }

  lastSeq(consoleId: string): Promise<number> {
    return this.queue.run(() => (this.sql('SELECT last_seq FROM consoles WHERE id = ?').pluck().get(consoleId) as number | undefined) ?? 0);
  }

  mutationResults(mutationIds: readonly string[]): Promise<Map<string, MutationResultRecord>> {
    return this.queue.run(() => {
      const rows = this.sql('SELECT * FROM mutation_results WHERE mutation_id IN (SELECT value FROM json_each(?))').all(JSON.stringify(mutationIds)) as MutationResultRow[];
      return new Map(rows.map((r) => [r.mutation_id, toMutationResult(r)]));
    });
  }

  withConsoleLock<T>(consoleId: string, body: () => Promise<T>): Promise<T> {
    return this.consoleLocks.with(consoleId, body);
  }

  transaction<T>(body: (tx: CloudTx) => Promise<T>): Promise<T> {
    return this.queue.run(async () => {
      // IMMEDIATE takes the write lock up front, so a second process (--pair) waits, not fails mid-way.
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const result = await body(this.tx);
        this.db.exec('COMMIT');
        return result;
      } catch (error) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw error;
      }
    });
  }

  changesAfter(after: number, limit: number): Promise<{ changes: Change[]; more: boolean }> {
    return this.queue.run(() => {
      const rows = this.sql('SELECT * FROM changes WHERE cursor > ? ORDER BY cursor LIMIT ?').all(after, limit + 1) as ChangeRow[];
      return { changes: rows.slice(0, limit).map(toChange), more: rows.length > limit };
    });
  }

  takeAuditAnchor(consoleId: string, head: AuditHeadInput, previous: AuditHeadInput | null, at: string): Promise<AnchorTaken> {
    return this.queue.run(() => takeAuditAnchor(this.db, this.sql, consoleId, head, previous, at));
  }

  latestAuditAnchor(consoleId: string): Promise<AuditAnchor | null> {
    return this.queue.run(() => latestAuditAnchor(this.sql, consoleId));
  }

  credentialOrigins(credentialIds: readonly string[]): Promise<Map<string, string>> {
    return this.queue.run(() => {
      const rows = this.sql('SELECT id, origin_console_id AS origin FROM credentials WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(credentialIds)) as { id: string; origin: string }[];
      return new Map(rows.map((r) => [r.id, r.origin]));
    });
  }

  /** One process appends changes to the file (`--pair` appends none): its server wakes its own pulls. */
  watchChanges(): () => void {
    return () => undefined;
  }

  dueTexts(now: string, limit: number): Promise<QueuedText[]> {
    return this.queue.run(() => {
      const rows = this.sql("SELECT * FROM text_outbox WHERE state = 'pending' AND next_attempt_at <= ? ORDER BY id LIMIT ?").all(now, limit) as TextRow[];
      return rows.map(toQueuedText);
    });
  }

  nextTextDue(): Promise<string | null> {
    return this.queue.run(() => (this.sql("SELECT min(next_attempt_at) FROM text_outbox WHERE state = 'pending'").pluck().get() as string | null) ?? null);
  }

  async close(): Promise<void> {
    await this.queue.idle();
    if (this.db.open) this.db.close();
  }
}

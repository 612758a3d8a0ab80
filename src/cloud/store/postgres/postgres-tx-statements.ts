import type pg from 'pg';
import { query } from './postgres-database';

/** A statement whose answer is not awaited: `check` may still refuse it once it comes (a guarded UPDATE that moved no row). */
export interface Owed {
  text: string;
  values?: unknown[];
  check?: (result: pg.QueryResult) => void;
}

/**
 * The statements of one community write transaction on its connection, in the pool's pipeline
 * mode (createPool): a statement is on the wire as soon as it is made, and the server answers
 * in order. So a statement whose answer nobody needs at once (BEGIN, SAVEPOINT, RELEASE, the
 * community's lock, an INSERT) is sent without waiting for it, and rides in the round trip of
 * the next one that is awaited; that one, being behind it, sees what it wrote. A failed owed
 * statement aborts the transaction, so everything after it fails with 25P02: the first
 * failure is the one thrown, by the next statement awaited or by `answered()`.
 *
 * The community's write lock (see PostgresCloudStore) is taken just before the first
 * statement that reads or writes what another writer may change: a push's reads of what
 * never changes under it (its answers so far, staff, keys, units, doors) come before, and the
 * lock is held for less of the transaction.
 */
export class TxStatements {
  private unanswered: Promise<void>[] = [];
  private failure: { error: unknown } | null = null;
  private locked = false;
  /** Called once the lock is sent: what is drawn under it can be drawn ahead (ChangeCursors). */
  onLock: (() => void) | null = null;

  constructor(
    readonly client: pg.PoolClient,
    private readonly lock: Owed,
  ) {}

  /** Sends a statement now; its answer is checked at the next awaited statement or `answered()`. */
  owe(statement: Owed): void {
    const sent = query(this.client, statement.text, statement.values).then((result) => statement.check?.(result));
    this.unanswered.push(sent.catch((error: unknown) => void (this.failure ??= { error })));
  }

  /** Sends the community's lock first, unless this transaction holds it already. */
  private takeLock(): void {
    if (this.locked) return;
    this.locked = true;
    this.owe(this.lock);
    this.onLock?.();
  }

  /** Sends a statement behind the lock and answers its own result only: an owed statement's failure is left to `answered()`. */
  sendLocked<R extends pg.QueryResultRow>(text: string, values: unknown[]): Promise<pg.QueryResult<R>> {
    this.takeLock();
    return query<R>(this.client, text, values);
  }

  /** A statement whose answer is needed: behind every owed one, and behind the lock when `locked`. */
  async ask<R extends pg.QueryResultRow>(text: string, values: unknown[], locked = true): Promise<pg.QueryResult<R>> {
    if (locked) this.takeLock();
    try {
      const result = await query<R>(this.client, text, values);
      await this.answered();
      return result;
    } catch (error) {
      await this.answered();
      throw error;
    }
  }

  /** Sends a write that needs the lock without waiting for its answer. */
  write(statement: Owed): void {
    this.takeLock();
    this.owe(statement);
  }

  /** Waits for every owed statement's answer; throws the first that failed. */
  async answered(): Promise<void> {
    while (this.unanswered.length) {
      const waiting = this.unanswered;
      this.unanswered = [];
      await Promise.all(waiting);
    }
    if (this.failure) throw this.failure.error;
  }

  /** After ROLLBACK TO a savepoint taken before the failure: the transaction is usable again. */
  recovered(): void {
    this.failure = null;
  }
}

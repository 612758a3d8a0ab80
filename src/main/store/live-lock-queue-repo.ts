import type { Db } from './database';
import { statement } from './statement';

/** Work not yet done on a live door: since when, tries so far, the next one, and why the last failed. */
export interface QueueRecord {
  doorId: string;
  pendingSince: string;
  attempts: number;
  nextAttemptAt: string | null;
  problem: string | null;
}

const columns = 'door_id AS doorId, pending_since AS pendingSince, attempts, next_attempt_at AS nextAttemptAt, problem';

const enqueue = statement<[doorId: string, at: string]>(
  `INSERT INTO live_lock_queue (door_id, pending_since) VALUES (?, ?)
   ON CONFLICT (door_id) DO UPDATE SET next_attempt_at = NULL`,
);

/** Queues a door now; a door already queued keeps its "pending since" and its tries, and is tried at once. */
export function queueLiveDoor(db: Db, doorId: string, at: string): void {
  enqueue(db).run(doorId, at);
}

const one = statement<[doorId: string], QueueRecord>(`SELECT ${columns} FROM live_lock_queue WHERE door_id = ?`);

export function queuedLiveDoor(db: Db, doorId: string): QueueRecord | null {
  return one(db).get(doorId) ?? null;
}

const all = statement<[], QueueRecord>(`SELECT ${columns} FROM live_lock_queue ORDER BY pending_since, door_id`);

export function queuedLiveDoors(db: Db): QueueRecord[] {
  return all(db).all();
}

const retry = statement<[attempts: number, nextAt: string, problem: string | null, doorId: string]>(
  'UPDATE live_lock_queue SET attempts = ?, next_attempt_at = ?, problem = ? WHERE door_id = ?',
);

/** A try that could not finish (the lock dead or asleep, the stick gone): tried again at `nextAt`. */
export function retryLiveDoor(db: Db, doorId: string, attempts: number, nextAt: string, problem: string | null): void {
  retry(db).run(attempts, nextAt, problem, doorId);
}

const done = statement<[doorId: string]>('DELETE FROM live_lock_queue WHERE door_id = ?');

export function liveDoorDone(db: Db, doorId: string): void {
  done(db).run(doorId);
}

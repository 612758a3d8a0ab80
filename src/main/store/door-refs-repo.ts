import type { DoorRef } from '../../shared/domain';
import type { Db } from './database';

/** A door as a job names it: id, name and kind. */
export function doorRef(db: Db, doorId: string): DoorRef {
  return db.prepare('SELECT id, name, kind FROM doors WHERE id = ?').get(doorId) as DoorRef;
}

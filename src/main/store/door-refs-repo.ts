import type { DoorRef } from '../../shared/domain';
import type { Db } from './database';

/** A door as a job names it: id, name and kind. */
export function doorRef(db: Db, doorId: string): DoorRef {
  // A job names a door it was given by id: one that is gone is a programming error.
  const door = db.prepare<[doorId: string], DoorRef>('SELECT id, name, kind FROM doors WHERE id = ?').get(doorId);
  if (!door) throw new Error('There is no door with this id.');
  return door;
}

import type { Db } from './database';

/** Is there a floor with this id? */
export function floorExists(db: Db, floorId: string): boolean {
  return db.prepare('SELECT 1 FROM floors WHERE id = ?').get(floorId) !== undefined;
}

/** Every floor's id, building by building, lowest level first. */
export function floorIds(db: Db): string[] {
  return db.prepare<[], string>('SELECT id FROM floors ORDER BY building_id, level, id').pluck().all();
}

/** The unit doors of a floor with their lock models, in the units' natural order. */
export function unitDoorsOnFloor(db: Db, floorId: string): { id: string; modelId: string }[] {
  return db
    .prepare<[floorId: string], { id: string; modelId: string }>('SELECT d.id, d.lock_model_id AS modelId FROM doors d JOIN units u ON u.id = d.unit_id WHERE u.floor_id = ? ORDER BY u.unit_key')
    .all(floorId);
}

import type { UnitIndex } from '../../shared/domain';
import type { Db } from './database';

/**
 * Every unit with its own columns, for the grid's instant search (src/shared/unit-directory.ts):
 * the units 'units.list' lists (each with its unit door), in the grid's default order, which the
 * page takes as it comes rather than sorting 10,000 units itself (UnitIndex). Buildings
 * and lock models are named once and referred to by place, which keeps 10,000 units compact.
 */
export function unitIndex(db: Db): UnitIndex {
  const buildings = db.prepare<[], { id: string; name: string }>('SELECT id, name FROM buildings ORDER BY id').all();
  const lockModels = db.prepare<[], { id: string; name: string }>('SELECT id, name FROM lock_models ORDER BY id').all();
  const buildingPlace = new Map(buildings.map((b, i) => [b.id, i]));
  const modelPlace = new Map(lockModels.map((m, i) => [m.id, i]));
  const rows = db
    .prepare<[], { id: string; number: string; building_id: string; floor: number; lock_model_id: string }>(
      `SELECT u.id, u.number, u.building_id, u.floor_level AS floor, d.lock_model_id
       FROM units u CROSS JOIN doors d ON d.unit_id = u.id AND d.kind = 'unit'
       ORDER BY u.unit_key, u.building_id`,
    )
    .all();
  return {
    buildings,
    lockModels,
    ids: rows.map((r) => r.id),
    numbers: rows.map((r) => r.number),
    building: rows.map((r) => buildingPlace.get(r.building_id)!),
    floors: rows.map((r) => r.floor),
    lockModel: rows.map((r) => modelPlace.get(r.lock_model_id)!),
  };
}

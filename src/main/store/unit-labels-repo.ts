import type { Db } from './database';
import { scalar, statement } from './statement';

/** A unit named as staff read it: "North 204". */
export interface LabelledUnit {
  id: string;
  label: string;
}

const number = scalar<[unitId: string], string>('SELECT number FROM units WHERE id = ?');

/** The unit's number, or null when there is no such unit. */
export function unitNumber(db: Db, unitId: string): string | null {
  return number(db).get(unitId) ?? null;
}

export const labelOf = scalar<[unitId: string], string>(
  "SELECT b.name || ' ' || u.number FROM units u JOIN buildings b ON b.id = u.building_id WHERE u.id = ?",
);

/** "North 204", or null when there is no such unit. */
export function unitLabel(db: Db, unitId: string): string | null {
  return labelOf(db).get(unitId) ?? null;
}

const select = `SELECT u.id, b.name || ' ' || u.number AS label FROM units u JOIN buildings b ON b.id = u.building_id`;
const order = 'ORDER BY b.name, u.unit_key';
const byIds = statement<[idsJson: string], LabelledUnit>(`${select} WHERE u.id IN (SELECT value FROM json_each(?)) ${order}`);
const onFloor = statement<[buildingId: string, floor: number], LabelledUnit>(`${select} WHERE u.building_id = ? AND u.floor_level = ? ${order}`);
const inBuilding = statement<[buildingId: string], LabelledUnit>(`${select} WHERE u.building_id = ? ${order}`);

/** These units (those that exist), by building then unit order. */
export function labelledUnits(db: Db, unitIds: readonly string[]): LabelledUnit[] {
  return byIds(db).all(JSON.stringify(unitIds));
}

/** Every unit on a floor (by level) of a building, in unit order. */
export function labelledUnitsOnFloor(db: Db, buildingId: string, floor: number): LabelledUnit[] {
  return onFloor(db).all(buildingId, floor);
}

/** Every unit of a building, in unit order. */
export function labelledUnitsInBuilding(db: Db, buildingId: string): LabelledUnit[] {
  return inBuilding(db).all(buildingId);
}

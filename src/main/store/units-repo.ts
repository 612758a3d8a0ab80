import { z } from 'zod';
import { UnitQuery, type CredentialChip, type DoorStatus, type UnitFilter, type UnitPage, type UnitRow, type UnitSortColumn } from '../../shared/domain';
import type { Db } from './database';
import { chipsFor } from './unit-chips';
import { doorStatusSql, unitFilterSql, type Today } from './unit-filter';

type ParsedUnitQuery = z.output<typeof UnitQuery>;


// Unit numbers sort naturally ("204" before "1102"); ties broken by id for a stable order.
// Most orders follow an index on units (see the migration), read forwards or backwards, so
// a page reads its 100 rows rather than sorting 10,000. Every order ends on a unique key.
const orderBy: Record<UnitSortColumn, string> = {
  unit: 'u.unit_key %, u.building_id %',
  building: 'b.name %, u.unit_key %',
  floor: 'u.floor_level %, u.building_id %, u.unit_key %',
  lockModel: 'm.name %, u.building_id %, u.unit_key %',
  credentialCount: 'u.live_credentials %, u.building_id %, u.unit_key %',
  doorStatus: 'door_rank %, d.desired_changed_at %, u.building_id %, u.unit_key %',
};

const selectRow = `
  SELECT u.id, u.number, u.building_id, b.name AS building_name, u.floor_level AS floor,
    m.id AS model_id, m.name AS model_name, m.capabilities_json AS model_capabilities,
    ${doorStatusSql} AS door_status, d.desired_changed_at,
    CASE ${doorStatusSql} WHEN 'in_sync' THEN 0 WHEN 'never_programmed' THEN 1 ELSE 2 END AS door_rank,
    u.live_credentials AS credential_count, u.live_pin AS pin_count, u.live_ble AS ble_count
  FROM units u
  CROSS JOIN buildings b ON b.id = u.building_id
  CROSS JOIN doors d ON d.unit_id = u.id AND d.kind = 'unit'
  CROSS JOIN lock_models m ON m.id = d.lock_model_id`;

interface Row {
  id: string;
  number: string;
  building_id: string;
  building_name: string;
  floor: number;
  model_id: string;
  model_name: string;
  model_capabilities: string;
  door_status: DoorStatus;
  desired_changed_at: string | null;
  credential_count: number;
  pin_count: number;
  ble_count: number;
}

function toUnitRow(r: Row, chips: CredentialChip[]): UnitRow {
  return {
    id: r.id,
    number: r.number,
    buildingId: r.building_id,
    buildingName: r.building_name,
    floor: r.floor,
    lockModel: { id: r.model_id, name: r.model_name, capabilities: JSON.parse(r.model_capabilities) },
    credentialCount: r.credential_count,
    kinds: { pin: r.pin_count, ble: r.ble_count },
    chips,
    doorStatus: r.door_status,
    pendingSince: r.door_status === 'pending' ? r.desired_changed_at : null,
  };
}

/** The SQL of one grid page and of its total; exported so tests can check their query plans. */
export function unitPageSql(input: ParsedUnitQuery, today: Today) {
  const { sort: _s, offset: _o, limit: _l, ...filter } = input;
  const { sql: where, params } = unitFilterSql(filter, today);
  const direction = input.sort.direction === 'asc' ? 'ASC' : 'DESC';
  const order = orderBy[input.sort.column].replaceAll('%', direction);
  return {
    total: `SELECT count(*) FROM units u JOIN doors d ON d.unit_id = u.id AND d.kind = 'unit' ${where}`,
    page: `${selectRow} ${where} ORDER BY ${order} LIMIT @limit OFFSET @offset`,
    params,
    pageParams: { ...params, limit: input.limit, offset: input.offset },
  };
}

export function listUnits(db: Db, input: ParsedUnitQuery, today: Today): UnitPage {
  const q = unitPageSql(input, today);
  const total = db.prepare(q.total).pluck().get(q.params) as number;
  const rows = db.prepare(q.page).all(q.pageParams) as Row[];
  const chips = chipsFor(db, rows.map((r) => r.id), today);
  return { total, offset: input.offset, rows: rows.map((r) => toUnitRow(r, chips.get(r.id) ?? [])) };
}

export function getUnitRow(db: Db, unitId: string, today: Today): UnitRow | null {
  const row = db.prepare(`${selectRow} WHERE u.id = ?`).get(unitId) as Row | undefined;
  return row ? toUnitRow(row, chipsFor(db, [unitId], today).get(unitId) ?? []) : null;
}

/** Every unit a filter picks, in grid order: a bulk grant's "all matching the filter". */
export function unitIdsMatching(db: Db, filter: UnitFilter, today: Today): string[] {
  const { sql: where, params } = unitFilterSql(filter, today);
  return db
    .prepare(`SELECT u.id FROM units u JOIN buildings b ON b.id = u.building_id
      JOIN doors d ON d.unit_id = u.id AND d.kind = 'unit' ${where} ORDER BY b.name, u.unit_key`)
    .pluck()
    .all(params) as string[];
}

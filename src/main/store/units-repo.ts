import { z } from 'zod';
import { UnitQuery, type CredentialChip, type DoorStatus, type UnitFilter, type UnitPage, type UnitRow, type UnitSortColumn } from '../../shared/domain';
import type { CredentialScope } from '../../shared/credential-scope';
import type { Db } from './database';
import { chipsFor } from './unit-chips';
import { doorStatusSql, unitFilterSql, type Today } from './unit-filter';

type ParsedUnitQuery = z.output<typeof UnitQuery>;


// Unit numbers sort naturally ("204" before "1102"); ties broken by id for a stable order.
// Most orders follow an index on units (see the migrations), read forwards or backwards, so
// a page reads its 100 rows rather than sorting 10,000. Every order ends on a unique key.
// `join` names what an order reads beyond the unit and its door.
const orderBy: Record<UnitSortColumn, { sql: string; join?: string }> = {
  unit: { sql: 'u.unit_key %, u.building_id %' },
  building: { sql: 'b.name %, u.unit_key %', join: 'CROSS JOIN buildings b ON b.id = u.building_id' },
  floor: { sql: 'u.floor_level %, u.building_id %, u.unit_key %' },
  lockModel: { sql: 'm.name %, u.building_id %, u.unit_key %', join: 'CROSS JOIN lock_models m ON m.id = d.lock_model_id' },
  credentialCount: { sql: 'u.live_credentials %, u.building_id %, u.unit_key %' },
  doorStatus: {
    sql: `CASE ${doorStatusSql} WHEN 'in_sync' THEN 0 WHEN 'never_programmed' THEN 1 ELSE 2 END %, d.desired_changed_at %, u.building_id %, u.unit_key %`,
  },
};

// CROSS JOIN keeps units the outer loop, so the order's index on units is walked as is.
// The unit door is read from doors_unit_door alone (migration 2).
const unitsAndDoors = `FROM units u CROSS JOIN doors d ON d.unit_id = u.id AND d.kind = 'unit'`;

const selectRow = `
  SELECT u.id, u.number, u.building_id, b.name AS building_name, u.floor_level AS floor,
    m.id AS model_id, m.name AS model_name, m.capabilities_json AS model_capabilities,
    ${doorStatusSql} AS door_status, d.desired_changed_at, d.battery_percent AS door_battery_percent,
    u.live_credentials AS credential_count, u.live_pin AS pin_count, u.live_ble AS ble_count
  ${unitsAndDoors}
  CROSS JOIN buildings b ON b.id = u.building_id
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
  door_battery_percent: number | null;
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
    doorBatteryPercent: r.door_battery_percent,
  };
}

/**
 * The SQL of one grid page and of its total; exported so tests can check their query plans.
 * A page is found as ids first (`page`: sort keys, filters and the offset's rows read from
 * indexes only), then `rows` reads the full rows of those ids alone. For a trigram search,
 * `page` lists every match in grid order instead (`everyMatch`): its total would walk every
 * unit anyway, so one walk gives both, and the trigram match is made once, not twice.
 */
export function unitPageSql(input: ParsedUnitQuery, today: Today, scope: CredentialScope = 'all') {
  const { sort: _s, offset: _o, limit: _l, ...filter } = input;
  const { sql: where, params, trigram } = unitFilterSql(filter, today, scope);
  const direction = input.sort.direction === 'asc' ? 'ASC' : 'DESC';
  const order = orderBy[input.sort.column];
  const walk = `SELECT u.id ${unitsAndDoors} ${order.join ?? ''} ${where} ORDER BY ${order.sql.replaceAll('%', direction)}`;
  return {
    // Unfiltered, every unit door is one row: count them in doors_unit_door alone. (Its unit
    // exists: doors.unit_id is a foreign key, enforced on every connection the store opens.)
    total: where
      ? `SELECT count(*) ${unitsAndDoors} ${where}`
      : `SELECT count(*) FROM doors d WHERE d.kind = 'unit' AND d.unit_id IS NOT NULL`,
    page: trigram ? walk : `${walk} LIMIT @limit OFFSET @offset`,
    everyMatch: trigram,
    rows: `${selectRow} WHERE u.id IN (SELECT value FROM json_each(@ids))`,
    params,
    pageParams: trigram ? params : { ...params, limit: input.limit, offset: input.offset },
  };
}

/** One page of the grid; `scope` says whose guests its search may find units by. */
export function listUnits(db: Db, input: ParsedUnitQuery, today: Today, scope: CredentialScope = 'all'): UnitPage {
  const q = unitPageSql(input, today, scope);
  const listed = db.prepare<Record<string, unknown>, string>(q.page).pluck().all(q.pageParams);
  const total = q.everyMatch ? listed.length : (db.prepare<Record<string, unknown>, number>(q.total).pluck().get(q.params) ?? 0);
  const ids = q.everyMatch ? listed.slice(input.offset, input.offset + input.limit) : listed;
  const byId = new Map(db.prepare<{ ids: string }, Row>(q.rows).all({ ids: JSON.stringify(ids) }).map((r) => [r.id, r]));
  const chips = chipsFor(db, ids, today);
  const rows = ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [toUnitRow(row, chips.get(id) ?? [])] : [];
  });
  return { total, offset: input.offset, rows };
}

export function getUnitRow(db: Db, unitId: string, today: Today): UnitRow | null {
  const row = db.prepare<[unitId: string], Row>(`${selectRow} WHERE u.id = ?`).get(unitId);
  return row ? toUnitRow(row, chipsFor(db, [unitId], today).get(unitId) ?? []) : null;
}

/** Every unit a filter picks, in grid order: a bulk grant's "all matching the filter". */
export function unitIdsMatching(db: Db, filter: UnitFilter, today: Today): string[] {
  const { sql: where, params } = unitFilterSql(filter, today);
  return db
    .prepare<Record<string, unknown>, string>(`SELECT u.id FROM units u JOIN buildings b ON b.id = u.building_id
      JOIN doors d ON d.unit_id = u.id AND d.kind = 'unit' ${where} ORDER BY b.name, u.unit_key`)
    .pluck()
    .all(params);
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unitGranted } from '../../../src/main/store/bulk-runs-repo';
import { credentialSearchSql } from '../../../src/main/store/credential-search';
import { dueToEnd } from '../../../src/main/store/credential-writes-repo';
import { doorChanged, highestSlot, liveDoorsOf, lowestGap, pinOnDoor, pinsOnDoor } from '../../../src/main/store/door-credentials-repo';
import { doorsOnTheWay, ownDoor } from '../../../src/main/store/doors-repo';
import { sameGuest } from '../../../src/main/store/guests-repo';
import { labelOf } from '../../../src/main/store/unit-labels-repo';
import { chipsSql } from '../../../src/main/store/unit-chips';
import { unitPageSql } from '../../../src/main/store/units-repo';
import { CredentialQuery, UnitQuery } from '../../../src/shared/domain';
import { openTestConsole, type TestConsole } from '../../helpers/test-console';

// The grid's common pages must read through indexes, not sort the whole community: checked
// with EXPLAIN QUERY PLAN on the very SQL listUnits runs.
let t: TestConsole;
beforeAll(() => {
  t = openTestConsole();
});
afterAll(() => t.close());

const today = { now: '2026-11-26T15:00:00.000Z', todayEnd: '2026-11-27T06:00:00.000Z' };

function explain(sql: string, params: object): string {
  return t.db
    .prepare<[object], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
    .all(params)
    .map((r) => r.detail)
    .join('\n');
}

function plansOf(query: object): { page: string; total: string; rows: string } {
  const q = unitPageSql(UnitQuery.parse({ ...query, limit: 100 }), today);
  return { page: explain(q.page, q.pageParams), total: explain(q.total, q.params), rows: explain(q.rows, { ids: '[]' }) };
}

describe('grid page query plans', () => {
  it.each([
    ['by unit', { sort: { column: 'unit', direction: 'asc' } }],
    ['by unit, descending', { sort: { column: 'unit', direction: 'desc' } }],
    ['by credential count', { sort: { column: 'credentialCount', direction: 'desc' } }],
    ['by floor', { sort: { column: 'floor', direction: 'asc' } }],
    ['by unit, within a building and door status', { buildingId: 'north', doorStatus: 'pending' }],
  ])('sorted %s: picks the page from indexes alone, no temporary sort', (_name, query) => {
    // Skipping the offset's rows reads no table: the order's units index and the unit door's.
    const { page } = plansOf(query);
    expect(page).toMatch(/(SCAN|SEARCH) u USING COVERING INDEX units_by_/);
    expect(page).toContain('SEARCH d USING COVERING INDEX doors_unit_door');
    expect(page).not.toContain('TEMP B-TREE');
  });

  it('counts every unit from the unit doors’ index alone', () => {
    expect(plansOf({}).total).toMatch(/^(SCAN|SEARCH) d USING COVERING INDEX doors_unit_door\b[^\n]*$/);
  });

  it('counts a filtered grid from indexes alone', () => {
    expect(plansOf({ buildingId: 'north', doorStatus: 'pending' }).total).toMatch(
      /^SEARCH u USING COVERING INDEX units_by_building \(building_id=\?\)\nSEARCH d USING COVERING INDEX doors_unit_door/,
    );
  });

  it('reads the full rows of the page’s ids only', () => {
    expect(plansOf({}).rows).toMatch(/^SEARCH u USING INDEX sqlite_autoindex_units_1 \(id=\?\)/);
  });

  it.each(['Chen', '(312) 555-0142', 'ch'])('searches “%s” through unit_guests, without hopping guest by guest', (search) => {
    const { page, total } = plansOf({ search });
    // The page (every match, for a trigram search) walks the order's index: no sorting.
    expect(page).toMatch(/^SCAN u USING COVERING INDEX units_by_key/);
    expect(page).not.toContain('TEMP B-TREE');
    for (const plan of [page, total]) {
      expect(plan).toMatch(/unit_guest(_search|s)/);
      expect(plan).not.toMatch(/\bguests\b|\bguest_search\b|SEARCH c |SCAN c\b/);
    }
  });

  it.each([
    ['a credential type', { credentialType: 'delivery' }, 'credentials_unit_live'],
    ['scheduled credentials', { credentialTiming: 'scheduled' }, 'credentials_unit_live'],
    ['credentials expiring today', { credentialTiming: 'expiring_today' }, 'credentials_ending'],
  ])('filters on %s through an index on credentials, never reading them all', (_name, query, index) => {
    const { page, total } = plansOf(query);
    for (const plan of [page, total]) {
      expect(plan).toMatch(new RegExp(`SEARCH c (EXISTS )?USING (COVERING )?INDEX ${index}`));
      expect(plan).not.toMatch(/SCAN c\b/);
    }
  });

  it('walks the order’s index for a page of units with credentials expiring today, no temporary sort', () => {
    const { page } = plansOf({ credentialTiming: 'expiring_today' });
    expect(page).toMatch(/^SCAN u USING COVERING INDEX units_by_key/);
    expect(page).not.toContain('TEMP B-TREE');
  });

  it('reads the chips of a page from credentials_unit_live alone', () => {
    expect(explain(chipsSql, { ...today, ids: '[]' })).toContain('SEARCH c USING COVERING INDEX credentials_unit_live (unit_id=?)');
  });
});

// A grant runs these once per covered door, and a building-wide bulk grant ten thousand times,
// against perimeter readers holding tens of thousands of credentials: each must be an index
// lookup, never a walk through a table.
describe('a grant’s per-door and per-unit statements', () => {
  const noScan = (plan: string) => expect(plan).not.toMatch(/\bSCAN (?!CONSTANT ROW|json_each)/);

  it.each([
    ['the highest slot in use on a door', highestSlot.sql, ['garage-gate'], /^SEARCH door_credentials USING INDEX door_credentials_live_slot \(door_id=\?\)$/],
    ['whether a PIN code is live on a door, from the code’s side', pinOnDoor.sql, ['482913', 'garage-gate'], /^SEARCH c USING INDEX credentials_live_pin \(pin_code=\?\)\nSEARCH dc USING INDEX sqlite_autoindex_door_credentials_1/],
    ['a keypad’s live codes', pinsOnDoor.sql, ['north-204-door'], /^SEARCH dc USING INDEX door_credentials_live_slot \(door_id=\?\)/],
    ['the doors a credential is on', liveDoorsOf.sql, ['cred_x'], /^SEARCH door_credentials USING INDEX door_credentials_credential \(credential_id=\?\)$/],
    ['a door’s desired state', doorChanged.sql, { doorId: 'garage-gate', at: today.now }, /^SEARCH doors USING INDEX sqlite_autoindex_doors_1 \(id=\?\)$/],
    ['a unit’s own door', ownDoor.sql, ['north-204'], /^SEARCH d USING INDEX doors_unit_door \(unit_id=\?\)/],
    ['the shared doors on the way, by the doors without a unit', doorsOnTheWay.sql, { unit: 'north-204', amenities: 1, amenityIds: '[]' }, /^SEARCH d USING INDEX doors_unit \(unit_id=\?\)/],
    ['the same guest', sameGuest.sql, ['+13125550142', 'Ana Alvarez'], /^SEARCH guests USING INDEX guests_phone \(phone_e164=\?\)$/],
    ['a unit’s label', labelOf.sql, ['north-204'], /^SEARCH u USING INDEX sqlite_autoindex_units_1 \(id=\?\)/],
    ['a bulk run’s unit mark', unitGranted.sql, ['cred_x', 'bulk_x', 'north-204'], /^SEARCH bulk_run_units USING INDEX sqlite_autoindex_bulk_run_units_1 \(run_id=\? AND unit_id=\?\)$/],
    ['the credentials due to expire', dueToEnd.sql, [today.now], /^SEARCH c USING INDEX credentials_ending \(ends_at>\? AND ends_at<\?\)/],
  ])('finds %s through an index', (_name, sql, params, plan) => {
    const found = explain(sql, params);
    expect(found).toMatch(plan);
    noScan(found);
  });

  it('finds a free gap in a full door’s slots from the live-slot index alone', () => {
    const plan = explain(lowestGap.sql, { door: 'garage-gate' });
    expect(plan.match(/SEARCH \w+ USING INDEX door_credentials_live_slot \(door_id=\?( AND slot=\?)?\)/g)).toHaveLength(3);
    noScan(plan);
  });
});

// The Access page opens on who has access now, newest first: read off an index in that order,
// and counted without joining units and guests unless it searches them.
describe('the Access page’s credential list', () => {
  it.each([
    ['everyone', {}],
    ['who has access now', { status: 'active' }],
    ['temporary access', { type: 'temporary' }],
  ])('%s: newest first through the index, no sort', (_, query) => {
    const sql = credentialSearchSql(CredentialQuery.parse({ ...query, limit: 50 }), new Date(today.now));
    const page = explain(sql.page, sql.pageParams);
    expect(page).toMatch(/^SCAN c USING INDEX credentials_created$/m);
    expect(page).not.toContain('TEMP B-TREE');
    expect(explain(sql.total, sql.params)).not.toMatch(/\b(units|guests)\b|SEARCH (u|g)\b/);
  });

  it('counts a search with the filter’s own parameters, and pages it with its limit and offset', () => {
    const sql = credentialSearchSql(CredentialQuery.parse({ search: 'Chen', status: 'active', limit: 50, offset: 100 }), new Date(today.now));
    expect(sql.params).not.toHaveProperty('limit');
    expect(sql.params).not.toHaveProperty('offset');
    expect(sql.pageParams).toMatchObject({ ...sql.params, limit: 50, offset: 100 });
    const count = t.db.prepare<[Record<string, unknown>], number>(sql.total).pluck().get(sql.params);
    const all = t.db.prepare<[Record<string, unknown>], unknown>(sql.page).all({ ...sql.params, limit: -1, offset: 0 });
    expect(count).toBe(all.length);
  });
});

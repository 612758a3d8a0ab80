import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chipsSql } from '../../../src/main/store/unit-chips';
import { unitPageSql } from '../../../src/main/store/units-repo';
import { UnitQuery } from '../../../src/shared/domain';
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
  return (t.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((r) => r.detail).join('\n');
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

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

function planOf(query: object): string {
  const q = unitPageSql(UnitQuery.parse({ ...query, limit: 100 }), today);
  return (t.db.prepare(`EXPLAIN QUERY PLAN ${q.page}`).all(q.pageParams) as { detail: string }[]).map((r) => r.detail).join('\n');
}

describe('grid page query plans', () => {
  it.each([
    ['by unit', { sort: { column: 'unit', direction: 'asc' } }],
    ['by unit, descending', { sort: { column: 'unit', direction: 'desc' } }],
    ['by credential count', { sort: { column: 'credentialCount', direction: 'desc' } }],
    ['by floor', { sort: { column: 'floor', direction: 'asc' } }],
    ['by unit, within a building and door status', { buildingId: 'north', doorStatus: 'pending' }],
  ])('sorted %s: walks a units index, no temporary sort', (_name, query) => {
    const plan = planOf(query);
    expect(plan).toMatch(/(SCAN|SEARCH) u USING INDEX units_by_/);
    expect(plan).not.toContain('TEMP B-TREE');
  });
});

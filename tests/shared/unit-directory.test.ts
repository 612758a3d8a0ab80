import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unitGuestMatch } from '../../src/main/store/guest-search';
import type { UnitFilter, UnitIndex, UnitPage, UnitSortColumn } from '../../src/shared/domain';
import { answersInstantly, UnitDirectory, type UnitOrder } from '../../src/shared/unit-directory';
import { openTestConsole, type TestConsole } from '../helpers/test-console';

/**
 * The renderer's instant answer (the units a search names by their own columns) against the
 * core's SQL search, on the demo community: the same units in the same order, less only those
 * a guest's name or phone matched.
 */
let t: TestConsole;
let directory: UnitDirectory;

beforeAll(async () => {
  t = openTestConsole();
  const granted = await t.core.dispatch('access.grant', {
    unitId: 'north-204',
    kind: 'pin',
    schedule: { type: 'permanent' },
    guest: { name: 'Tower 101 Cleaning', phone: '+1 (872) 555-0101' },
  });
  if (!granted.ok) throw new Error(granted.error.message);
  const index = await t.core.dispatch('units.index', {});
  if (!index.ok) throw new Error(index.error.message);
  directory = new UnitDirectory(index.value as UnitIndex);
});
afterAll(() => t.close());

async function coreIds(filter: UnitFilter, sort: UnitOrder): Promise<string[]> {
  const result = await t.core.dispatch('units.list', { ...filter, sort, limit: 500 });
  if (!result.ok) throw new Error(result.error.message);
  return (result.value as UnitPage).rows.map((r) => r.id);
}

/** Units a guest holding a live credential matches, by the core's own rule. */
function guestUnits(search: string | undefined): Set<string> {
  if (!search?.trim()) return new Set();
  const match = unitGuestMatch(search);
  return new Set(t.db.prepare<Record<string, unknown>, string>(`SELECT u.id FROM units u WHERE ${match.sql}`).pluck().all(match.params));
}

const searches = ['', '1', '10', '101', '1204', '2015', 'South Tower 101', 'south tower 101', 'South 101', 'S Tow 101', '  South   Tower 101 ',
  'North Tower 1204', 'South Tower 10', 'South Tower 1', 'East Tower 101', 'South Tower 9999', 'Tower South% 101', 'n 3', 'North', '%', '_1', 'a', '\u0000101', 'Tower 101'];
const filters: UnitFilter[] = [{}, { buildingId: 'north' }, { floor: 3 }, { lockModelId: 'arden-kp200' }, { buildingId: 'south', floor: 10 }];
const orders: UnitOrder[] = (['unit', 'building', 'floor', 'lockModel'] satisfies UnitSortColumn[]).flatMap((column) => [
  { column, direction: 'asc' as const },
  { column, direction: 'desc' as const },
]);

describe('the instant units answer', () => {
  it('lists every unit of the core, in each grid order', async () => {
    expect(directory.size).toBe(336);
    for (const order of orders) expect(directory.matching({}, order).map((p) => directory.index.ids[p]), order.column).toEqual(await coreIds({}, order));
  });

  it('gives the core’s units and order for every search and filter, less units only a guest matched', async () => {
    let exact = 0;
    for (const search of searches)
      for (const filter of filters)
        for (const order of search && filter !== filters[0] ? orders.slice(0, 2) : orders) {
          const query = { ...filter, search };
          const core = await coreIds(query, order);
          const instant = directory.matching(query, order).map((p) => directory.index.ids[p]!);
          const named = new Set(instant);
          const guests = guestUnits(search);
          const label = `${JSON.stringify(query)} by ${order.column} ${order.direction}`;
          expect(core.filter((id) => named.has(id)), label).toEqual(instant);
          expect(core.filter((id) => !named.has(id)).every((id) => guests.has(id)), label).toBe(true);
          if (guests.size === 0) {
            expect(instant, label).toEqual(core);
            exact++;
          }
        }
    // Most cases have no guest match at all: the two answers are then equal outright.
    expect(exact).toBeGreaterThan(200);
  });

  it('finds a unit by its building’s name, whole or shortened, while a guest match waits for the core', async () => {
    const ids = (search: string) => directory.matching({ search }, orders[0]!).map((p) => directory.index.ids[p]);
    for (const search of ['South Tower 101', 'South 101', 'S Tow 101']) expect(ids(search), search).toEqual(['south-101']);
    expect(ids('101')).toContain('south-101');
    // "Tower 101 Cleaning" holds a credential on north-204: the core finds it, the index does not.
    expect(await coreIds({ search: 'Tower 101 Cleaning' }, orders[0]!)).toEqual(['north-204']);
    expect(ids('Tower 101 Cleaning')).toEqual([]);
  });

  it('leaves door and credential filters, and orders by them, to the core', () => {
    expect(answersInstantly({ search: '1', buildingId: 'north' }, orders[0]!)).toBe(true);
    expect(answersInstantly({ doorStatus: 'pending' }, orders[0]!)).toBe(false);
    expect(answersInstantly({ credentialType: 'delivery' }, orders[0]!)).toBe(false);
    expect(answersInstantly({}, { column: 'doorStatus', direction: 'asc' })).toBe(false);
    expect(answersInstantly({}, { column: 'credentialCount', direction: 'desc' })).toBe(false);
  });
});

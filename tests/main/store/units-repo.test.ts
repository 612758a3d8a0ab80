import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UnitPage, UnitQuery, UnitRow } from '../../../src/shared/domain';
import { comboUnit, openTestConsole, type TestConsole } from '../../helpers/test-console';

let t: TestConsole;
beforeAll(async () => {
  t = openTestConsole();
  const result = await t.core.dispatch('access.grant', {
    unitId: comboUnit,
    kind: 'pin',
    schedule: { type: 'permanent' },
    guest: { name: 'Zelda Quartermaine', phone: '+1 (872) 555-0199' },
  });
  expect(result.ok).toBe(true);
});
afterAll(() => t.close());

async function list(query: UnitQuery): Promise<UnitPage> {
  const result = await t.core.dispatch('units.list', query);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as UnitPage;
}

async function all(query: UnitQuery = {}): Promise<UnitRow[]> {
  return (await list({ ...query, limit: 500 })).rows;
}

/** A permanent PIN code for a guest on a unit; answers the credential's id. */
async function grant(unitId: string, name: string, phone: string, company?: string): Promise<string> {
  const result = await t.core.dispatch('access.grant', {
    unitId,
    kind: 'pin',
    schedule: { type: 'permanent' },
    guest: company ? { name, phone, company } : { name, phone },
  });
  if (!result.ok) throw new Error(result.error.message);
  return (result.value as { id: string }).id;
}

describe('the units grid query', () => {
  it('lists every unit of the demo community, a window at a time', async () => {
    const first = await list({ limit: 100 });
    const second = await list({ limit: 100, offset: 100 });
    expect(first.total).toBe(336);
    expect(first.rows).toHaveLength(100);
    expect(second.rows[0]!.id).not.toBe(first.rows[99]!.id);
    const ids = (await all()).map((r) => r.id);
    expect(new Set(ids).size).toBe(336);
  });

  it('sorts unit numbers naturally: 204 before 1102', async () => {
    const numbers = (await all({ buildingId: 'north' })).map((r) => Number(r.number));
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    const desc = (await all({ buildingId: 'north', sort: { column: 'unit', direction: 'desc' } })).map((r) => Number(r.number));
    expect(desc).toEqual([...numbers].sort((a, b) => b - a));
  });

  const sortKeys: [NonNullable<UnitQuery['sort']>['column'], (r: UnitRow) => string | number][] = [
    ['floor', (r) => r.floor],
    ['credentialCount', (r) => r.credentialCount],
    ['building', (r) => r.buildingName],
    ['lockModel', (r) => r.lockModel.name],
  ];
  it.each(sortKeys)('sorts by %s both ways', async (column, key) => {
    for (const direction of ['asc', 'desc'] as const) {
      const values = (await all({ sort: { column, direction } })).map((r) => key(r));
      const sorted = [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      expect(values).toEqual(direction === 'asc' ? sorted : sorted.reverse());
    }
  });

  it('sorts doors needing attention first when door status is sorted descending', async () => {
    const rows = await all({ sort: { column: 'doorStatus', direction: 'desc' } });
    expect(rows[0]!.doorStatus).toBe('pending');
    expect(rows[rows.length - 1]!.doorStatus).toBe('in_sync');
  });

  it('filters by building, floor, lock model and door status', async () => {
    expect((await all({ buildingId: 'garden' })).every((r) => r.buildingId === 'garden')).toBe(true);
    expect(await list({ buildingId: 'garden', floor: 2 })).toMatchObject({ total: 16 });
    const bt = await all({ lockModelId: 'arden-bt10' });
    expect(bt.length).toBe(60);
    expect(bt.every((r) => r.lockModel.id === 'arden-bt10')).toBe(true);
    const pending = await all({ doorStatus: 'pending' });
    expect(pending.length).toBeGreaterThan(0);
    expect(pending.every((r) => r.doorStatus === 'pending' && r.pendingSince)).toBe(true);
  });

  it('searches unit numbers and guest names', async () => {
    expect((await all({ search: '1204' })).map((r) => r.id)).toEqual(['north-1204']);
    expect((await all({ search: 'quartermaine' })).map((r) => r.id)).toEqual([comboUnit]);
  });

  it('finds a unit by the name the console gives it, whole or shortened, and only that building’s', async () => {
    for (const search of ['South Tower 101', 'south tower 101', 'South 101', 'S Tow 101', '  South   Tower 101 ']) expect((await all({ search })).map((r) => r.id), search).toEqual(['south-101']);
    expect((await all({ search: 'North Tower 1204' })).map((r) => r.id)).toEqual(['north-1204']);
    // The start of a number: the units of the building whose numbers begin so.
    const started = (await all({ search: 'South Tower 10' })).map((r) => r.id);
    expect(started).toContain('south-101');
    expect(started.every((id) => id.startsWith('south-10'))).toBe(true);
    for (const search of ['East Tower 101', 'South Tower 9999', 'Tower South% 101']) expect(await list({ search }), search).toMatchObject({ total: 0 });
  });

  it.each(['(872) 555-0199', '872-555-0199', '8725550199', '+18725550199', '872.555.0199'])(
    'finds a guest by phone number typed as %s',
    async (search) => {
      expect((await all({ search })).map((r) => r.id)).toContain(comboUnit);
    },
  );

  it.each(['O"Brien', 'chen AND lee', 'NEAR(a b)', '*', '"', 'name:x', '-123'])('treats %s in the search box as text, not query syntax', async (search) => {
    const r = await t.core.dispatch('units.list', { search });
    expect(r.ok).toBe(true);
  });

  it('finds a guest by part of a name of two letters, and by company', async () => {
    expect((await all({ search: 'qu' })).map((r) => r.id)).toContain(comboUnit);
  });

  it('treats % and _ in the search box as text, not wildcards', async () => {
    expect(await list({ search: '%' })).toMatchObject({ total: 0 });
    expect(await list({ search: '_' })).toMatchObject({ total: 0 });
  });

  it('finds a unit by any of its guests, and never by text spanning two of them', async () => {
    for (const name of ['Xavia Ybarra', 'Zorro Wendt']) await grant('north-1103', name, '+1 (872) 555-0191');
    expect((await all({ search: 'ybarra' })).map((r) => r.id)).toEqual(['north-1103']);
    expect((await all({ search: 'wendt' })).map((r) => r.id)).toEqual(['north-1103']);
    for (const across of ['ybarrazorro', 'wendtxavia', 'arraz', 'ndtxa']) expect(await list({ search: across })).toMatchObject({ total: 0 });
  });

  it('counts a search’s matches on every page, and past the last', async () => {
    const all = (await list({ search: 'chen', limit: 500 })).rows.length;
    expect(all).toBeGreaterThan(0);
    for (const offset of [0, 1, all - 1, all, all + 100]) expect(await list({ search: 'chen', offset, limit: 2 })).toMatchObject({ total: all });
  });

  it('follows grants, revokes and a guest’s new company', async () => {
    const credential = await grant('north-1105', 'Ulla Vantongeren', '+1 (872) 555-0192');
    expect((await all({ search: 'vantong' })).map((r) => r.id)).toEqual(['north-1105']);
    expect((await all({ search: '8725550192' })).map((r) => r.id)).toEqual(['north-1105']);
    // The same guest again, now with a company: every unit they hold finds by it.
    await grant('north-1106', 'Ulla Vantongeren', '+1 (872) 555-0192', 'Quixotic Tiling');
    expect((await all({ search: 'quixotic' })).map((r) => r.id)).toEqual(['north-1105', 'north-1106']);
    expect((await t.core.dispatch('access.revoke', { credentialId: credential })).ok).toBe(true);
    expect((await all({ search: 'vantong' })).map((r) => r.id)).toEqual(['north-1106']);
  });

  it('combines filters and search', async () => {
    expect((await all({ buildingId: 'south', search: '204' })).map((r) => r.id)).toEqual(['south-204']);
  });
});

describe('the units’ credential summary', () => {
  it('agrees with a direct count after grants, revokes and bulk grants', async () => {
    const r = await t.core.dispatch('access.bulkGrant', {
      target: { scope: 'floor', buildingId: 'garden', floor: 2 },
      kind: 'pin',
      audience: 'vendor',
      guest: { name: 'Crew', phone: '312-555-0177', company: 'QuickFix Plumbing' },
      schedule: { type: 'permanent' },
    });
    expect(r.ok).toBe(true);
    const someone = t.db.prepare('SELECT id FROM credentials WHERE ended_at IS NULL LIMIT 1').pluck().get() as string;
    expect((await t.core.dispatch('access.revoke', { credentialId: someone })).ok).toBe(true);
    const drift = t.db
      .prepare(
        `SELECT count(*) FROM units u WHERE u.live_credentials != (SELECT count(*) FROM credentials c WHERE c.unit_id = u.id AND c.ended_at IS NULL)
           OR u.live_pin != (SELECT count(*) FROM credentials c WHERE c.unit_id = u.id AND c.ended_at IS NULL AND c.kind = 'pin')`,
      )
      .pluck()
      .get();
    expect(drift).toBe(0);
    // The search boxes' per-unit text holds exactly the live credentials' guests.
    const stale = t.db
      .prepare(
        `SELECT count(*) FROM units u LEFT JOIN unit_guests ug ON ug.unit_id = u.id
         WHERE coalesce(length(ug.names) - length(replace(ug.names, char(31), '')) + 1, 0) != u.live_credentials`,
      )
      .pluck()
      .get();
    expect(stale).toBe(0);
  });
});

describe('a door’s battery in the grid', () => {
  it('shows what the unit door’s lock last reported, and nothing before it reported', async () => {
    const { recordDoorDescription } = await import('../../../src/main/store/door-table-repo');
    const before = (await all()).find((u) => u.id === comboUnit);
    expect(before?.doorBatteryPercent).toBeNull();
    const door = t.db.prepare<[string], { id: string }>("SELECT id FROM doors WHERE unit_id = ? AND kind = 'unit'").get(comboUnit);
    recordDoorDescription(t.db, door!.id, { firmware: '1.0', batteryPercent: 12, clockDriftSeconds: 0, at: '2030-01-01T00:00:00Z' });
    expect((await all()).find((u) => u.id === comboUnit)?.doorBatteryPercent).toBe(12);
    expect(await t.core.dispatch('units.get', { unitId: comboUnit })).toMatchObject({ ok: true, value: { unit: { doorBatteryPercent: 12 } } });
  });
});

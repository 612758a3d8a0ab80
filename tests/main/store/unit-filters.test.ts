import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BulkGrantResult, CredentialChip, UnitPage, UnitQuery } from '../../../src/shared/domain';
import { comboUnit, jane, openTestConsole, type TestConsole } from '../../helpers/test-console';

// Thursday 2026-11-26, 09:00 in Chicago.
const at = new Date('2026-11-26T15:00:00Z');
let t: TestConsole;

beforeAll(async () => {
  t = openTestConsole(undefined, { now: () => at });
  const grant = (unitId: string, schedule: object) =>
    t.core.dispatch('access.grant', { unitId, kind: 'pin', guest: jane, schedule }).then((r) => {
      if (!r.ok) throw new Error(r.error.message);
    });
  await grant(comboUnit, { type: 'temporary', starts: '2026-11-26T08:00', ends: '2026-11-26T20:00' }); // expiring today
  await grant('north-305', { type: 'temporary', starts: '2026-12-01T08:00', ends: '2026-12-02T20:00' }); // scheduled
});
afterAll(() => t.close());

async function list(query: UnitQuery): Promise<UnitPage> {
  const r = await t.core.dispatch('units.list', { ...query, limit: 500 });
  if (!r.ok) throw new Error(r.error.message);
  return r.value as UnitPage;
}

describe('grid filters on credentials', () => {
  it('by type: units holding a live credential of that type', async () => {
    const rows = (await list({ credentialType: 'temporary', buildingId: 'north' })).rows.map((r) => r.id);
    expect(rows).toEqual(expect.arrayContaining([comboUnit, 'north-305']));
  });

  it('by timing: expiring today (in the community’s zone), scheduled', async () => {
    expect((await list({ credentialTiming: 'expiring_today', buildingId: 'north', floor: 2 })).rows.map((r) => r.id)).toContain(comboUnit);
    const scheduled = (await list({ credentialTiming: 'scheduled', buildingId: 'north', floor: 3 })).rows.map((r) => r.id);
    expect(scheduled).toContain('north-305');
    expect(scheduled).not.toContain(comboUnit);
  });

  it('combines type and timing', async () => {
    const rows = (await list({ credentialType: 'permanent', credentialTiming: 'scheduled', buildingId: 'north', floor: 3 })).rows.map((r) => r.id);
    expect(rows).not.toContain('north-305');
  });
});

describe('grid chips', () => {
  it('group a unit’s live credentials by type, kind and timing', async () => {
    const row = (await list({ search: '204', buildingId: 'north' })).rows.find((r) => r.id === comboUnit)!;
    expect(row.chips).toContainEqual({ type: 'temporary', kind: 'pin', timing: 'expiring_today', count: 1 });
    const sum = row.chips.reduce((n, c) => n + c.count, 0);
    expect(sum).toBe(row.credentialCount);
  });
});

describe('grid chip order', () => {
  it('puts the most numerous first, then by type, kind and timing', async () => {
    const inOrder = (a: CredentialChip, b: CredentialChip) =>
      a.count !== b.count ? a.count > b.count : `${a.type} ${a.kind} ${a.timing}` < `${b.type} ${b.kind} ${b.timing}`;
    const rows = (await list({})).rows.filter((r) => r.chips.length > 1);
    expect(rows.length).toBeGreaterThan(0);
    for (const { chips } of rows) for (let i = 1; i < chips.length; i++) expect(inOrder(chips[i - 1]!, chips[i]!)).toBe(true);
  });
});

describe('a bulk grant to every unit matching a filter', () => {
  it('picks the same units the grid shows', async () => {
    const filter = { buildingId: 'north', floor: 5 };
    const shown = (await list(filter)).rows.map((r) => r.id);
    const r = await t.core.dispatch('access.bulkGrant', {
      target: { scope: 'filter', filter },
      kind: 'pin',
      audience: 'vendor',
      guest: { name: 'Crew', phone: '312-555-0177', company: 'QuickFix Plumbing' },
      schedule: { type: 'temporary', starts: '2026-11-27T08:00', ends: '2026-11-27T17:00' },
    });
    expect(r.ok).toBe(true);
    expect((r as { value: BulkGrantResult }).value.granted.map((g) => g.unitId).sort()).toEqual([...shown].sort());
  });
});

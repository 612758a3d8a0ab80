import type { Core } from '../src/main/core-types';
import type { UnitQuery } from '../src/shared/domain';
import { latencyFigures, timeEach, type Figure } from './stats';

async function value<T>(p: Promise<{ ok: boolean; value?: unknown; error?: unknown }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value as T;
}

/** Grant writes (change + audit + outbox in one transaction) and grid page queries. */
export async function storeFigures(core: Core): Promise<Figure[]> {
  const units = (await value<{ rows: { id: string }[] }>(core.dispatch('units.list', { limit: 500, lockModelId: 'kestrel-kb500' }))).rows;
  const figures: Figure[] = [];
  figures.push(
    ...latencyFigures(
      'store.grant_write',
      await timeEach(300, (i) =>
        value(core.dispatch('access.grant', {
          unitId: units[i % units.length]!.id,
          kind: 'pin',
          guest: { name: `Bench guest ${i}`, phone: `312-555-01${String(i % 100).padStart(2, '0')}` },
          schedule: { type: 'permanent' },
        })),
      ),
    ),
  );
  const pages: [string, (i: number) => UnitQuery][] = [
    ['unfiltered', (i) => ({ offset: (i * 100) % 9_900, limit: 100 })],
    ['sorted_by_count', (i) => ({ sort: { column: 'credentialCount', direction: 'desc' }, offset: (i * 100) % 5_000, limit: 100 })],
    ['filtered_building_status', (i) => ({ buildingId: `b${String((i % 20) + 1).padStart(2, '0')}`, doorStatus: 'in_sync', limit: 100 })],
    ['search_name', (i) => ({ search: ['Chen', 'Garcia', 'Patel', 'Silva'][i % 4], limit: 100 })],
    ['search_phone', (i) => ({ search: `(312) 555-01${String(i % 100).padStart(2, '0')}`, limit: 100 })],
    ['filtered_timing', () => ({ credentialTiming: 'expiring_today', limit: 100 })],
  ];
  // What the bulk form asks on each change of type or dates: one building (500 units at 10,000).
  figures.push(
    ...latencyFigures(
      'store.bulk_preview.building',
      await timeEach(10, () => value(core.dispatch('access.previewBulk', { target: { scope: 'building', buildingId: 'b01' }, kind: 'pin', schedule: { type: 'permanent' } }))),
    ),
  );
  for (const [name, query] of pages)
    figures.push(...latencyFigures(`store.grid_page.${name}`, await timeEach(100, (i) => value(core.dispatch('units.list', query(i))))));
  return figures;
}

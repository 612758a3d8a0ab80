import type { CommandInput } from '../../../../shared/contract';
import { queryKeys, type UnitFilters, type UnitSort } from '../../api/query-keys';
import { toQueryFilters, unitViewFromHash } from './unit-view';

/** Rows in one window of the units grid: one 'units.list' call. */
export const unitPageSize = 100;

/** The 'units.list' input of one window of the grid. */
export function unitWindowInput(filters: UnitFilters, sort: UnitSort, pageIndex: number): CommandInput<'units.list'> {
  return { ...filters, sort, offset: pageIndex * unitPageSize, limit: unitPageSize };
}

/**
 * The grid's first window as the Units page will ask for it on opening at `hash` (its view:
 * filters and sort), or null when the hash opens another section. Its key is the grid's own.
 */
export function firstUnitWindow(hash: string): { key: readonly unknown[]; input: CommandInput<'units.list'> } | null {
  const section = new URLSearchParams(hash.replace(/^#/, '')).get('view');
  if (section !== null && section !== 'units') return null;
  const { values, sort } = unitViewFromHash(hash);
  const filters = toQueryFilters(values, values.search);
  return { key: queryKeys.unitPage(filters, sort, 0), input: unitWindowInput(filters, sort, 0) };
}

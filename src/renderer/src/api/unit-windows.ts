import { keepPreviousData, useQueries, type UseQueryResult } from '@tanstack/react-query';
import type { UnitPage, UnitRow } from '../../../shared/domain';
import { call } from './porter-client';
import { unitPageSize, unitWindowInput } from '../features/units/first-window';
import { queryKeys, type UnitFilters, type UnitSort } from './query-keys';


export interface UnitWindows {
  /** Units matching the filters, as the core last counted them; null until a first page. */
  total: number | null;
  /** Units of the windows loaded so far, by their index in the whole sorted list. */
  unitAt: ReadonlyMap<number, UnitRow>;
  /** True while a window is loading or a shown window belongs to the previous filters. */
  isFetching: boolean;
  error: Error | null;
}

function combineWindows(results: UseQueryResult<UnitPage>[]): UnitWindows {
  const unitAt = new Map<number, UnitRow>();
  for (const { data } of results) data?.rows.forEach((unit, i) => unitAt.set(data.offset + i, unit));
  const counted = results.find((r) => r.data && !r.isPlaceholderData) ?? results.find((r) => r.data);
  return {
    total: counted?.data?.total ?? null,
    unitAt,
    isFetching: results.some((r) => r.isFetching || r.isPlaceholderData),
    error: results.find((r) => r.error)?.error ?? null,
  };
}

/**
 * Fetches the 100-row windows of the sorted, filtered unit list that cover rows
 * [firstIndex, lastIndex]. The core sorts and filters; the page holds only the windows on
 * screen, so the grid scales to any number of units. While new filters load, the previous
 * windows stay on screen (keepPreviousData) instead of flashing empty.
 */
export function useUnitWindows(filters: UnitFilters, sort: UnitSort, firstIndex: number, lastIndex: number): UnitWindows {
  const firstPage = Math.floor(Math.max(0, firstIndex) / unitPageSize);
  const lastPage = Math.max(firstPage, Math.floor(Math.max(0, lastIndex) / unitPageSize));
  const pageIndices = Array.from({ length: lastPage - firstPage + 1 }, (_, i) => firstPage + i);

  return useQueries({
    queries: pageIndices.map((pageIndex) => ({
      queryKey: queryKeys.unitPage(filters, sort, pageIndex),
      queryFn: () => call('units.list', unitWindowInput(filters, sort, pageIndex)),
      placeholderData: keepPreviousData,
    })),
    combine: combineWindows,
  });
}

/**
 * The units at [from, to] of the sorted, filtered list, for a shift-click that reaches past
 * the windows loaded now; at most 500 a call, as 'units.list' allows.
 */
export async function fetchUnitRange(filters: UnitFilters, sort: UnitSort, from: number, to: number): Promise<UnitRow[]> {
  const units: UnitRow[] = [];
  for (let offset = from; offset <= to; offset += 500) {
    const page = await call('units.list', { ...filters, sort, offset, limit: Math.min(500, to - offset + 1) });
    units.push(...page.rows);
  }
  return units;
}

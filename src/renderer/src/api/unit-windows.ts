import { keepPreviousData, useQueries, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import type { UnitPage, UnitRow } from '../../../shared/domain';
import type { UnitHeadline } from '../../../shared/unit-directory';
import { call } from './porter-client';
import { unitPageSize, unitWindowInput } from '../features/units/first-window';
import { queryKeys, type UnitFilters, type UnitSort } from './query-keys';

/**
 * The units the search names by their own columns, in grid order, worked out in the page on
 * the key just typed (src/shared/unit-directory.ts): shown until the core answers these filters.
 */
export interface InstantUnits {
  total: number;
  headlineAt: (index: number) => UnitHeadline | undefined;
}

export interface UnitWindows {
  /** Units matching the filters, as the core last counted them (or the instant answer); null until a first page. */
  total: number | null;
  /** Units of the windows loaded so far, by their index in the whole sorted list. */
  unitAt: ReadonlyMap<number, UnitRow>;
  /** The instant answer's units while the core has not answered these filters; null otherwise. */
  instant: InstantUnits | null;
  /** True while a window is loading or a shown window belongs to the previous filters. */
  isFetching: boolean;
  error: Error | null;
}

/**
 * The windows the core answered for these filters. Until it has answered any window of them
 * (`answeredBefore`: one it did), the instant answer when there is one, else the previous
 * filters' windows (keepPreviousData). Where an instant answer can be made, no window of other
 * filters is ever shown: it would be stale rows (an answer for earlier search text, say).
 */
function combineWindows(results: UseQueryResult<UnitPage>[], instant: InstantUnits | null, answeredBefore: UnitPage | undefined): UnitWindows {
  const answered = results.filter((r) => r.data && !r.isPlaceholderData);
  const error = results.find((r) => r.error)?.error ?? null;
  // No unit's own columns may match (a guest's name, say): then the grid is empty at once
  // while the core looks for guests, and says so (UnitsGrid), rather than that nothing matches.
  if (instant && !answeredBefore && answered.length === 0) return { total: instant.total, unitAt: new Map(), instant, isFetching: true, error };
  const shown = instant ? answered : results;
  const unitAt = new Map<number, UnitRow>();
  for (const { data } of shown) data?.rows.forEach((unit, i) => unitAt.set(data.offset + i, unit));
  return {
    total: answered[0]?.data?.total ?? answeredBefore?.total ?? results.find((r) => r.data)?.data?.total ?? null,
    unitAt,
    instant: null,
    isFetching: results.some((r) => r.isFetching || r.isPlaceholderData),
    error,
  };
}

/**
 * Fetches the 100-row windows of the sorted, filtered unit list that cover rows
 * [firstIndex, lastIndex]. The core sorts and filters; the page holds only the windows on
 * screen, so the grid scales to any number of units. While new filters load, the instant
 * answer shows (see combineWindows), or the previous windows stay instead of flashing empty.
 */
export function useUnitWindows(filters: UnitFilters, sort: UnitSort, firstIndex: number, lastIndex: number, instant: InstantUnits | null): UnitWindows {
  const firstPage = Math.floor(Math.max(0, firstIndex) / unitPageSize);
  const lastPage = Math.max(firstPage, Math.floor(Math.max(0, lastIndex) / unitPageSize));
  const pageIndices = Array.from({ length: lastPage - firstPage + 1 }, (_, i) => firstPage + i);

  // A window of these filters the core answered before, e.g. the first while rows further down load.
  const answeredBefore = useQueryClient()
    .getQueryCache()
    .findAll({ queryKey: queryKeys.unitPages(filters, sort) })
    .find((query) => query.state.data !== undefined)?.state.data as UnitPage | undefined;

  return useQueries({
    queries: pageIndices.map((pageIndex) => ({
      queryKey: queryKeys.unitPage(filters, sort, pageIndex),
      queryFn: () => call('units.list', unitWindowInput(filters, sort, pageIndex)),
      placeholderData: keepPreviousData,
    })),
    combine: (results) => combineWindows(results, instant, answeredBefore),
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

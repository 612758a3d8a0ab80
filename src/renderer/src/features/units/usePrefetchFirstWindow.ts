import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { call } from '../../api/porter-client';
import { queryKeys, type UnitFilters, type UnitSort } from '../../api/query-keys';
import { unitWindowInput } from './first-window';

/**
 * Asks for the grid's first window as the Units page first renders, rather than when the
 * grid's query starts (after the filters and the grid are drawn, committed and painted):
 * the core answers meanwhile. The same key and call as useUnitWindows' first window, so the
 * grid finds it there; `npm run bench` measures the first rows.
 */
export function usePrefetchFirstWindow(filters: UnitFilters, sort: UnitSort): void {
  const queryClient = useQueryClient();
  useState(() =>
    queryClient.prefetchQuery({
      queryKey: queryKeys.unitPage(filters, sort, 0),
      queryFn: () => call('units.list', unitWindowInput(filters, sort, 0)),
    }),
  );
}

import { useEffect, useMemo } from 'react';
import { answersInstantly } from '../../../../shared/unit-directory';
import type { UnitFilters, UnitSort } from '../../api/query-keys';
import { useUnitDirectory } from '../../api/unit-index';
import type { InstantUnits } from '../../api/unit-windows';

/**
 * The units these filters name by their own columns, in grid order, worked out on this render
 * (no wait, no call): null before the units index has come, or when a filter or the order
 * needs the core (door status, credentials). `enabled` asks for the index.
 */
export function useInstantUnits(filters: UnitFilters, sort: UnitSort, enabled: boolean): InstantUnits | null {
  const directory = useUnitDirectory(enabled);
  // The first key would pay for putting every unit in the grid's order (tens of ms at 10,000
  // units): do it while the page is idle, once the index has come and whenever the sort changes.
  useEffect(() => {
    if (!directory || !answersInstantly({}, sort)) return;
    const idle = requestIdleCallback(() => directory.matching({}, sort));
    return () => cancelIdleCallback(idle);
  }, [directory, sort]);
  return useMemo(() => {
    if (!directory || !answersInstantly(filters, sort)) return null;
    const places = directory.matching(filters, sort);
    return { total: places.length, headlineAt: (index) => (index < places.length ? directory.headline(places[index]!) : undefined) };
  }, [directory, filters, sort]);
}

import { useMemo } from 'react';
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
  return useMemo(() => {
    if (!directory || !answersInstantly(filters, sort)) return null;
    const places = directory.matching(filters, sort);
    return { total: places.length, headlineAt: (index) => (index < places.length ? directory.headline(places[index]!) : undefined) };
  }, [directory, filters, sort]);
}

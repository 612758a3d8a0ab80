import { useQuery } from '@tanstack/react-query';
import { UnitDirectory } from '../../../shared/unit-directory';
import { call } from './porter-client';
import { queryKeys } from './query-keys';

/**
 * Every unit's number, building, floor and lock model, ready for the grid's instant search;
 * undefined until asked for (`enabled`) and answered. Asked once a session, and again on a
 * 'data.changed' for the community (its key begins with 'community': see query-keys.ts).
 */
export function useUnitDirectory(enabled: boolean): UnitDirectory | undefined {
  return useQuery({
    queryKey: queryKeys.unitIndex(),
    queryFn: async () => new UnitDirectory(await call('units.index', {})),
    enabled,
    staleTime: Infinity,
  }).data;
}

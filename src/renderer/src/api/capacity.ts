import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type { DataTopic } from '../../../shared/contract';
import type { BulkGrantRequest, CredentialKind, ScheduleRequest, SlotReservation } from '../../../shared/domain';
import { call, type CommandError } from './porter-client';

/**
 * Slot capacity. A door fills as credentials are granted and ended ('credentials'), and its
 * slots change with its lock and the reservations ('doors', 'live_locks'): every key starts with
 * 'doors' and names the other topics it reads.
 */
const capacityKeys = {
  overview: (limit: number) => ['doors', 'capacity', limit] as const,
  forGrant: (unitId: string, kind: CredentialKind, schedule: ScheduleRequest | null) => ['doors', 'capacity-grant', unitId, kind, schedule] as const,
  forBulk: (target: BulkGrantRequest['target'] | null, kind: CredentialKind, schedule: ScheduleRequest | null) => ['doors', 'capacity-bulk', target, kind, schedule] as const,
};
const alsoReads = ['credentials', 'live_locks', 'community'] satisfies DataTopic[];

/** The Hardware page's capacity section: the fullest doors and each lock model's reserved slots. */
export function useCapacityOverview(limit: number) {
  return useQuery({ queryKey: capacityKeys.overview(limit), queryFn: () => call('capacity.overview', { limit }), meta: { alsoReads } });
}

/** The grant form's warning: doors this grant would take to within a few slots of full; asked once the schedule is complete. */
export function useGrantCapacity(unitId: string, kind: CredentialKind, schedule: ScheduleRequest | null) {
  return useQuery({
    queryKey: capacityKeys.forGrant(unitId, kind, schedule),
    queryFn: () => call('capacity.forGrant', { unitId, kind, schedule: schedule! }),
    enabled: schedule !== null,
    placeholderData: keepPreviousData,
    meta: { alsoReads },
  });
}

/** The bulk form's warning, counting a slot per unit on the doors the units share. */
export function useBulkGrantCapacity(target: BulkGrantRequest['target'] | null, kind: CredentialKind, schedule: ScheduleRequest | null) {
  return useQuery({
    queryKey: capacityKeys.forBulk(target, kind, schedule),
    queryFn: () => call('capacity.forBulkGrant', { target: target!, kind, schedule: schedule! }),
    enabled: target !== null && schedule !== null,
    placeholderData: keepPreviousData,
    meta: { alsoReads },
  });
}

/** An admin keeps a lock model's top slots for staff and emergency codes. */
export function useSetReservedSlots() {
  return useMutation<SlotReservation[], CommandError, { modelId: string; reserved: number }>({
    mutationFn: (input) => call('capacity.setReserved', input),
  });
}

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { DataTopic } from '../../../shared/contract';
import type { BulkGrantRequest, CredentialKind, ScheduleRequest } from '../../../shared/domain';
import { call } from './porter-client';

/**
 * What each door will hold, before a grant is sent. It changes with the doors' locks and slots
 * ('doors', 'live_locks': a Z-Wave lock assigned or interviewed, a slot taken or freed by any
 * grant: 'credentials') and the community's rules, as well as with the form.
 */
const previewKeys = {
  forGrant: (unitId: string, kind: CredentialKind, schedule: ScheduleRequest | null) => ['doors', 'preview', unitId, kind, schedule] as const,
  forBulk: (target: BulkGrantRequest['target'] | null, kind: CredentialKind, schedule: ScheduleRequest | null) => ['doors', 'preview-bulk', target, kind, schedule] as const,
};
const alsoReads = ['credentials', 'live_locks', 'community'] satisfies DataTopic[];

/** The grant form's table, asked once the schedule is complete. */
export function useAccessPreview(unitId: string, kind: CredentialKind, schedule: ScheduleRequest | null) {
  return useQuery({
    queryKey: previewKeys.forGrant(unitId, kind, schedule),
    queryFn: () => call('access.preview', { unitId, kind, schedule: schedule! }),
    enabled: schedule !== null,
    placeholderData: keepPreviousData,
    meta: { alsoReads },
  });
}

/** The bulk form's table: each door once, unit doors alike grouped, and the units that cannot hold it. */
export function useBulkPreview(target: BulkGrantRequest['target'] | null, kind: CredentialKind, schedule: ScheduleRequest | null) {
  return useQuery({
    queryKey: previewKeys.forBulk(target, kind, schedule),
    queryFn: () => call('access.previewBulk', { target: target!, kind, schedule: schedule! }),
    enabled: target !== null && schedule !== null,
    placeholderData: keepPreviousData,
    meta: { alsoReads },
  });
}

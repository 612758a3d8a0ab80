import { keepPreviousData, useInfiniteQuery, useMutation } from '@tanstack/react-query';
import type { ActivityExport, ActivityFilter, ChainVerification, VerifyRequest } from '../../../shared/domain';
import { call, type CommandError } from './porter-client';

export const activityPageSize = 50;

/** Every key starts with 'activity', so a 'data.changed' event for that topic refreshes it. */
const activityKeys = {
  log: (filter: ActivityFilter) => ['activity', 'log', filter] as const,
};

/** The audit log, newest first, filtered by the core; each further page reads before the oldest seq so far. */
export function useActivityLog(filter: ActivityFilter) {
  return useInfiniteQuery({
    queryKey: activityKeys.log(filter),
    queryFn: ({ pageParam }) =>
      call('activity.list', { ...filter, limit: activityPageSize, ...(pageParam ? { beforeSeq: pageParam } : {}) }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => {
      const oldest = last.entries.at(-1);
      return last.entries.length < activityPageSize || !oldest || oldest.seq <= 1 ? undefined : oldest.seq;
    },
    // A new filter keeps the old list on screen until the new one arrives, instead of a blank.
    placeholderData: keepPreviousData,
  });
}

/** Walks the whole hash chain on request, against the cloud and an export if given; the answer is a snapshot of that moment. */
export function useVerifyAuditChain() {
  return useMutation<ChainVerification, CommandError, VerifyRequest>({
    mutationFn: (request) => call('activity.verify', request),
  });
}

/** The filtered log as CSV, for investigators. */
export function useExportActivity() {
  return useMutation<ActivityExport, CommandError, ActivityFilter>({
    mutationFn: (filter) => call('activity.export', filter),
  });
}

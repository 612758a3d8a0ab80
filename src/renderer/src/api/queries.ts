import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { DataTopic } from '../../../shared/contract';
import { call } from './porter-client';
import { queryKeys, type CredentialFilters } from './query-keys';

/** Who is at the console, and the community's name and time zone. Static for a session. */
export function useSession() {
  return useQuery({
    queryKey: queryKeys.session(),
    queryFn: () => call('session.get', {}),
    staleTime: Infinity,
  });
}

/** Buildings, floors, guidelines: refreshed when the core announces a 'community' change (new guidelines). */
export function useCommunity() {
  return useQuery({
    queryKey: queryKeys.community(),
    queryFn: () => call('community.get', {}),
    staleTime: Infinity,
  });
}

/**
 * One unit with its credentials. 'units.get' answers both, but the unit facts follow the
 * 'units' topic and the credentials the 'credentials' topic, so each half has its own key
 * and refreshes on whichever change event names it.
 */
export function useUnitDetail(unitId: string) {
  const unit = useQuery({
    queryKey: queryKeys.unitDetail(unitId),
    queryFn: () => call('units.get', { unitId }),
    select: (detail) => detail.unit,
  });
  const credentials = useQuery({
    queryKey: queryKeys.unitCredentials(unitId),
    queryFn: () => call('units.get', { unitId }),
    select: (detail) => ({ list: detail.credentials, notShown: detail.notShown }),
  });
  return { unit, credentials };
}

/** A short list of units matching a search, for pickers. */
export function useUnitSearch(search: string, limit = 8) {
  return useQuery({
    queryKey: queryKeys.unitSearch(search),
    queryFn: () => call('units.list', { search, limit, offset: 0 }),
    enabled: search.trim().length > 0,
    placeholderData: keepPreviousData,
  });
}

/** One page of the community's credentials, newest first; the previous page stays while the next loads. */
export function useCredentialList(filters: CredentialFilters, offset: number, limit: number) {
  return useQuery({
    queryKey: queryKeys.credentialList(filters, offset, limit),
    queryFn: () => call('credentials.list', { ...filters, offset, limit }),
    placeholderData: keepPreviousData,
  });
}

/** Bulk grants a crash cut short, oldest first, until staff finish them. */
export function useStoppedBulkRuns(enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.stoppedBulkRuns(),
    queryFn: () => call('access.stoppedBulkRuns', {}),
    enabled,
  });
}

/** Vendor approvals: an admin's pending requests and the latest decided; leasing's own. */
export function useVendorApprovals(enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.vendorApprovals(),
    queryFn: () => call('approvals.list', {}),
    enabled,
  });
}

/** The units a bulk grant would reach (a floor, or a whole building when floor is null), with their locks. */
export function useBulkTargetUnits(buildingId: string | null, floor: number | null) {
  return useQuery({
    queryKey: queryKeys.bulkTargetUnits(buildingId ?? '', floor),
    queryFn: () =>
      call('units.list', { buildingId: buildingId ?? undefined, ...(floor === null ? {} : { floor }), offset: 0, limit: 500 }),
    enabled: buildingId !== null,
  });
}

/** Programmers and the doors on their cables, lock models in service, doors waiting: live by the 'doors' topic. */
export function useHardwareOverview() {
  return useQuery({
    queryKey: queryKeys.hardware(),
    queryFn: () => call('hardware.overview', {}),
  });
}

/**
 * The Hardware page's Bluetooth section: the dongles found, the one in use, the locks heard in
 * the last few seconds (strongest first) and the round. Live: the core's 'bluetooth' events (the
 * scan list, every couple of seconds while locks are heard) and its 'doors' events (jobs moving)
 * refresh it.
 */
export function useBluetoothOverview() {
  return useQuery({
    queryKey: queryKeys.bluetooth(),
    queryFn: () => call('hardware.bluetooth', {}),
    meta: { alsoReads: ['doors'] satisfies DataTopic[] },
  });
}

/**
 * The Hardware page's Z-Wave section: the sticks found, the one in use and its network, each lock
 * with its door, state, battery and codes, and inclusion as it goes. Live: the core's 'live_locks'
 * events (a lock reporting, the queue moving, a step of inclusion) and its 'doors' events (a door
 * renamed or assigned) refresh it.
 */
export function useLiveLocks() {
  return useQuery({
    queryKey: queryKeys.liveLocks(),
    queryFn: () => call('hardware.liveLocks', {}),
    meta: { alsoReads: ['doors'] satisfies DataTopic[] },
  });
}

/** Training only: the simulated Z-Wave locks and stick, and a factory-new lock's DSK label, for the simulator panel. */
export function useSimulatedZWave(enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.simulatedZWave(),
    queryFn: () => call('training.zwave', {}),
    enabled,
    meta: { alsoReads: ['doors'] satisfies DataTopic[] },
  });
}

/**
 * The door picker of the Hardware page's dialogs (attach a simulated door, assign a lock): the
 * first doors matching a search by door, building or lock serial, of the lock's model when
 * given; the first 50 doors by building when the search is empty. The previous list stays
 * while the next loads.
 */
export function useHardwareDoors(search: string, modelId: string | null) {
  return useQuery({
    queryKey: queryKeys.hardwareDoors(search, modelId),
    queryFn: () => call('hardware.doors', { search: search || undefined, modelId: modelId ?? undefined, limit: 50 }),
    placeholderData: keepPreviousData,
  });
}

/**
 * Where this console stands with the cloud, for the status bar. The core announces each sync
 * round with a 'sync' event; the 30 s poll also moves "next try" and "last sync" along when
 * no round has run (a core that has not set sync up sends none).
 */
export function useSyncStatus() {
  return useQuery({
    queryKey: queryKeys.syncStatus(),
    queryFn: () => call('sync.status', {}),
    refetchInterval: 30_000,
  });
}

/**
 * A perimeter reader's configuration, read from the reader on the programmer's cable when the
 * form opens. It lives on the device, not in the store, so no topic announces its changes: the
 * key deliberately starts with no topic, it is read once per opening and never kept.
 */
export function useReaderConfig(programmerId: string) {
  return useQuery({
    queryKey: ['reader-config', programmerId] as const,
    queryFn: () => call('hardware.readerConfig', { programmerId }),
    staleTime: Infinity,
    gcTime: 0,
  });
}

/**
 * Ended credentials that doors still hold (revocation exposure): the community's, or one unit's.
 * Moves when a credential ends, a door is programmed or a live lock reports.
 */
export function useRevocationExposure(unitId: string | null, enabled = true) {
  return useQuery({
    queryKey: queryKeys.exposure(unitId),
    queryFn: () => call('access.exposure', unitId === null ? {} : { unitId }),
    enabled,
    meta: { alsoReads: ['doors', 'live_locks'] satisfies DataTopic[] },
  });
}

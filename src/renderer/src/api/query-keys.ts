import type { CredentialQuery, UnitFilter, UnitSortColumn } from '../../../shared/domain';

/** Filters of the units grid, as the core's 'units.list' (and a bulk grant's 'filter' target) take them. */
export type UnitFilters = UnitFilter;

export interface UnitSort {
  column: UnitSortColumn;
  direction: 'asc' | 'desc';
}

/** Filters of the Access page's credential list, as the core's 'credentials.list' takes them. */
export type CredentialFilters = Omit<CredentialQuery, 'offset' | 'limit' | 'unitId'>;

/**
 * Every key begins with the data topic it reads, so a 'data.changed' event for that topic
 * invalidates it (see invalidation.ts); a query reading a second topic names it in its
 * `meta.alsoReads`. The audit log's keys live in activity.ts.
 */
export const queryKeys = {
  session: () => ['session'] as const,
  community: () => ['community'] as const,
  unitPage: (filters: UnitFilters, sort: UnitSort, pageIndex: number) =>
    ['units', filters, sort, pageIndex] as const,
  /** Every window of one filtered, sorted list: the start of each unitPage key. */
  unitPages: (filters: UnitFilters, sort: UnitSort) => ['units', filters, sort] as const,
  /** One unit and its credentials: read by 'units' and 'credentials' events alike. */
  unitDetail: (unitId: string) => ['units', 'detail', unitId] as const,
  unitCredentials: (unitId: string) => ['credentials', 'unit', unitId] as const,
  unitSearch: (search: string) => ['units', 'search', search] as const,
  /**
   * Every unit's own columns, for the grid's instant search. Read by 'community' events, not
   * 'units': a unit's number, building, floor and lock model come with the community, while
   * 'units' moves with every grant, expiry and sync, and would fetch all 10,000 again each time.
   */
  unitIndex: () => ['community', 'unit-index'] as const,
  /** The units a bulk grant would reach: a floor of a building, or all of it (floor null). */
  bulkTargetUnits: (buildingId: string, floor: number | null) => ['units', 'bulk-target', buildingId, floor] as const,
  credentialList: (filters: CredentialFilters, offset: number, limit: number) =>
    ['credentials', 'list', filters, offset, limit] as const,
  /** Bulk grants a crash cut short: they change with the credentials they grant. */
  stoppedBulkRuns: () => ['credentials', 'stopped-bulk-runs'] as const,
  /** Vendor approvals: they change as requests are asked, decided and granted. */
  vendorApprovals: () => ['credentials', 'approvals'] as const,
  /** Ended credentials doors still hold: moves with credentials, door programming and live locks' reports. */
  exposure: (unitId: string | null) => ['credentials', 'exposure', unitId] as const,
  hardware: () => ['doors', 'hardware-overview'] as const,
  /** The Hardware page's door picker: doors by name, building or serial, of one lock model or any. */
  hardwareDoors: (search: string, modelId: string | null) => ['doors', 'picker', search, modelId] as const,
  /** The Hardware page's Bluetooth section: the dongle, the locks heard, the round (also reads 'doors'). */
  bluetooth: () => ['bluetooth', 'overview'] as const,
  /** The Hardware page's Z-Wave section: the stick, its network, each lock, inclusion (also reads 'doors'). */
  liveLocks: () => ['live_locks', 'overview'] as const,
  /** Training's Z-Wave simulator panel: the simulated locks and a factory-new lock's DSK label (also reads 'doors'). */
  simulatedZWave: () => ['live_locks', 'simulated'] as const,
  /** Where this console stands with the cloud: the status bar. */
  syncStatus: () => ['sync', 'status'] as const,
};

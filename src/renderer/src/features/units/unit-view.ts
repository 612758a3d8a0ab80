import type { AccessType, DoorStatus, UnitSortColumn } from '../../../../shared/domain';
import { unitSortColumns } from '../../../../shared/domain/values';
import type { UnitFilters, UnitSort } from '../../api/query-keys';

/** What the staff member picked in the grid's filter bar; 'all' means no filter. */
export interface UnitFilterValues {
  search: string;
  buildingId: string; // 'all' or a building id
  floor: string; // 'all' or a floor level
  lockModelId: string; // 'all' or a lock model id
  doorStatus: 'all' | DoorStatus;
  credentialType: 'all' | AccessType;
  /** Where a unit's credentials stand: 'pending' is "pending at the door", the door status. */
  credentialStatus: 'all' | CredentialStatusFilter;
}

export type CredentialStatusFilter = 'active' | 'scheduled' | 'expiring_today' | 'pending';

export const noUnitFilters: UnitFilterValues = {
  search: '',
  buildingId: 'all',
  floor: 'all',
  lockModelId: 'all',
  doorStatus: 'all',
  credentialType: 'all',
  credentialStatus: 'all',
};

export const defaultUnitSort: UnitSort = { column: 'unit', direction: 'asc' };

export interface UnitView {
  values: UnitFilterValues;
  sort: UnitSort;
}

/** The filters as the core's 'units.list' (and a bulk grant's 'filter' target) take them. */
export function toQueryFilters(values: UnitFilterValues, search: string): UnitFilters {
  const filters: UnitFilters = {};
  if (search.trim()) filters.search = search.trim();
  if (values.buildingId !== 'all') filters.buildingId = values.buildingId;
  if (values.floor !== 'all') filters.floor = Number(values.floor);
  if (values.lockModelId !== 'all') filters.lockModelId = values.lockModelId;
  if (values.doorStatus !== 'all') filters.doorStatus = values.doorStatus;
  if (values.credentialType !== 'all') filters.credentialType = values.credentialType;
  if (values.credentialStatus === 'pending') filters.doorStatus = 'pending';
  else if (values.credentialStatus !== 'all') filters.credentialTiming = values.credentialStatus;
  return filters;
}

/**
 * The hash keeps the grid's view next to `view=units`, the browser host's `token=` and
 * `unit=`: `q`, `building`, `floor`, `lock`, `door`, `type`, `status` and `sort=<column>.<asc|desc>`.
 * Values left at their default are left out, so a plain link stays plain.
 */
const hashKeys: Record<Exclude<keyof UnitFilterValues, 'search'>, string> = {
  buildingId: 'building',
  floor: 'floor',
  lockModelId: 'lock',
  doorStatus: 'door',
  credentialType: 'type',
  credentialStatus: 'status',
};

const allowed: Record<keyof typeof hashKeys, (value: string) => boolean> = {
  buildingId: (v) => v.length > 0 && v.length <= 64,
  floor: (v) => /^-?\d{1,3}$/.test(v),
  lockModelId: (v) => v.length > 0 && v.length <= 64,
  doorStatus: (v) => ['in_sync', 'pending', 'never_programmed'].includes(v),
  credentialType: (v) => ['permanent', 'temporary', 'recurring', 'delivery'].includes(v),
  credentialStatus: (v) => ['active', 'scheduled', 'expiring_today', 'pending'].includes(v),
};

function isSortColumn(value: string | undefined): value is UnitSortColumn {
  return (unitSortColumns as readonly (string | undefined)[]).includes(value);
}

/** The view a hash names (`#view=units&floor=3&sort=door.desc`); unknown or malformed values fall back to the defaults. */
export function unitViewFromHash(hash: string): UnitView {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const values: UnitFilterValues = { ...noUnitFilters, search: (params.get('q') ?? '').slice(0, 100) };
  for (const key of Object.keys(hashKeys) as (keyof typeof hashKeys)[]) {
    const value = params.get(hashKeys[key]);
    if (value !== null && allowed[key](value)) (values as unknown as Record<string, string>)[key] = value;
  }
  const [column, direction] = (params.get('sort') ?? '').split('.');
  const sort: UnitSort =
    isSortColumn(column) && (direction === 'asc' || direction === 'desc') ? { column, direction } : defaultUnitSort;
  return { values, sort };
}

/** `hash` with the view written into it (other keys kept), or `hash` itself when nothing changes. */
export function hashWithUnitView(hash: string, { values, sort }: UnitView): string {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const before = params.toString();
  if (values.search) params.set('q', values.search);
  else params.delete('q');
  for (const key of Object.keys(hashKeys) as (keyof typeof hashKeys)[]) {
    if (values[key] === 'all') params.delete(hashKeys[key]);
    else params.set(hashKeys[key], values[key]);
  }
  if (sort.column === defaultUnitSort.column && sort.direction === defaultUnitSort.direction) params.delete('sort');
  else params.set('sort', `${sort.column}.${sort.direction}`);
  if (params.toString() === before) return hash;
  // A view worth returning to names its section too, so the link opens on Units.
  params.set('view', 'units');
  return `#${params.toString()}`;
}

export function readUnitView(): UnitView {
  return unitViewFromHash(window.location.hash);
}

/** Writes the view into the hash without adding history entries. */
export function rememberUnitView(view: UnitView): void {
  const hash = hashWithUnitView(window.location.hash, view);
  if (hash !== window.location.hash) window.history.replaceState(null, '', hash);
}

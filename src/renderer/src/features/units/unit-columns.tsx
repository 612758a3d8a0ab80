import { createColumnHelper, rowSortingFeature, tableFeatures } from '@tanstack/react-table';
import type { UnitRow, UnitSortColumn } from '../../../../shared/domain';

/** Sorting only: the core sorts and filters (manualSorting), the table keeps columns and sort state. */
export const unitTableFeatures = tableFeatures({ rowSortingFeature });

const column = createColumnHelper<typeof unitTableFeatures, UnitRow>();

/**
 * Column ids are the core's sort columns, so a header click maps straight onto 'units.list'.
 * The rows draw their cells themselves (unit-cells.tsx), from the unit alone, so a row that
 * did not change is not drawn again while the grid scrolls.
 */
export const unitColumns = column.columns([
  column.accessor('number', { id: 'unit' satisfies UnitSortColumn, header: 'Unit' }),
  column.accessor('buildingName', { id: 'building' satisfies UnitSortColumn, header: 'Building' }),
  column.accessor('floor', { id: 'floor' satisfies UnitSortColumn, header: 'Floor' }),
  column.accessor((unit) => unit.lockModel.name, { id: 'lockModel' satisfies UnitSortColumn, header: 'Lock model' }),
  column.accessor('credentialCount', { id: 'credentialCount' satisfies UnitSortColumn, header: 'Credentials' }),
  column.accessor('doorStatus', { id: 'doorStatus' satisfies UnitSortColumn, header: 'Door status' }),
]);

export function isUnitSortColumn(id: string | undefined): id is UnitSortColumn {
  return unitColumns.some((c) => c.id === id);
}

/** The columns' ids in order: the cells of a row. */
export const unitColumnIds: readonly UnitSortColumn[] = unitColumns.map((c) => c.id).filter(isUnitSortColumn);

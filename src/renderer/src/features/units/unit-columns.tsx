import { createColumnHelper, rowSortingFeature, tableFeatures } from '@tanstack/react-table';
import type { UnitRow, UnitSortColumn } from '../../../../shared/domain';
import { DoorStatusBadge } from '../../components/DoorStatusBadge';
import { CredentialChips } from './CredentialChips';

/** Sorting only: the core sorts and filters (manualSorting), the table renders. */
export const unitTableFeatures = tableFeatures({ rowSortingFeature });

const column = createColumnHelper<typeof unitTableFeatures, UnitRow>();

/** Column ids are the core's sort columns, so a header click maps straight onto 'units.list'. */
export const unitColumns = column.columns([
  column.accessor('number', { id: 'unit' satisfies UnitSortColumn, header: 'Unit' }),
  column.accessor('buildingName', { id: 'building' satisfies UnitSortColumn, header: 'Building' }),
  column.accessor('floor', { id: 'floor' satisfies UnitSortColumn, header: 'Floor' }),
  column.accessor((unit) => unit.lockModel.name, { id: 'lockModel' satisfies UnitSortColumn, header: 'Lock model' }),
  column.accessor('credentialCount', {
    id: 'credentialCount' satisfies UnitSortColumn,
    header: 'Credentials',
    cell: ({ row }) => <CredentialChips chips={row.original.chips} />,
  }),
  column.accessor('doorStatus', {
    id: 'doorStatus' satisfies UnitSortColumn,
    header: 'Door status',
    cell: ({ row }) => <DoorStatusBadge status={row.original.doorStatus} pendingSince={row.original.pendingSince} />,
  }),
]);

export function isUnitSortColumn(id: string): id is UnitSortColumn {
  return unitColumns.some((c) => c.id === id);
}

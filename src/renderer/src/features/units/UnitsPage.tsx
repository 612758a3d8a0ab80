import { useCallback, useEffect, useState } from 'react';
import type { UnitRow } from '../../../../shared/domain';
import { useCommunity } from '../../api/queries';
import type { UnitFilters, UnitSort } from '../../api/query-keys';
import { UnitDetailPanel } from '../unit-detail/UnitDetailPanel';
import { noUnitFilters, UnitsFilters, type UnitFilterValues } from './UnitsFilters';
import { linkedUnitId, rememberOpenUnit } from './unit-link';
import { UnitsGrid } from './UnitsGrid';
import { useDebouncedText } from '../../components/useDebouncedText';
import { useStableValue } from './useStableValue';
import './units-page.css';

function toQueryFilters(values: UnitFilterValues, search: string): UnitFilters {
  const filters: UnitFilters = {};
  if (search.trim()) filters.search = search.trim();
  if (values.buildingId !== 'all') filters.buildingId = values.buildingId;
  if (values.floor !== 'all') filters.floor = Number(values.floor);
  if (values.doorStatus !== 'all') filters.doorStatus = values.doorStatus;
  return filters;
}

/** Every unit of the community in one grid, with the selected unit's detail beside it. */
export function UnitsPage() {
  const community = useCommunity();
  const [values, setValues] = useState<UnitFilterValues>(noUnitFilters);
  const [sort, setSort] = useState<UnitSort>({ column: 'unit', direction: 'asc' });
  // A link from another page (e.g. Access) may name the unit to open.
  const [openUnitId, setOpenUnitId] = useState<string | null>(linkedUnitId);
  const [total, setTotal] = useState<number | null>(null);
  const search = useDebouncedText(values.search, 250);
  const filters = useStableValue(toQueryFilters(values, search));
  const openUnit = useCallback((unit: UnitRow) => setOpenUnitId(unit.id), []);
  useEffect(() => rememberOpenUnit(openUnitId), [openUnitId]);

  return (
    <div className="units-page" data-panel-open={openUnitId !== null}>
      <div className="units-page__list">
        <div className="page-heading">
          <h2 className="page-heading__title">Units</h2>
          <span className="page-heading__meta" aria-live="polite">
            {total === null ? '' : `${total.toLocaleString()} ${total === 1 ? 'unit' : 'units'}`}
          </span>
        </div>
        <UnitsFilters community={community.data} values={values} onChange={setValues} />
        <UnitsGrid
          filters={filters}
          sort={sort}
          onSortChange={setSort}
          selectedUnitId={openUnitId}
          onOpenUnit={openUnit}
          onTotalChange={setTotal}
        />
      </div>
      {openUnitId && <UnitDetailPanel key={openUnitId} unitId={openUnitId} onClose={() => setOpenUnitId(null)} />}
    </div>
  );
}

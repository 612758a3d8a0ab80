import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import type { UnitRow } from '../../../../shared/domain';
import { useCommunity } from '../../api/queries';
import type { UnitSort } from '../../api/query-keys';
import { LoadingState } from '../../components/LoadingState';
import { UnitsFilters } from './UnitsFilters';
import { linkedUnitId, rememberOpenUnit } from './unit-link';
import { UnitsGrid } from './UnitsGrid';
import { useStableValue } from './useStableValue';
import { usePrefetchFirstWindow } from './usePrefetchFirstWindow';
import { readUnitView, rememberUnitView, toQueryFilters, type UnitFilterValues } from './unit-view';
import { useUnitSelection } from './unit-selection';
import { SelectionBar } from './SelectionBar';
import { ExposureFigure } from '../exposure/ExposureFigure';
import './units-page.css';

// The unit panel (its credential list, the grant, new dates and revoke forms, and the schemas they
// check with) loads when a unit is first opened, not before the grid's first rows.
const UnitDetailPanel = lazy(() => import('../unit-detail/UnitDetailPanel').then((m) => ({ default: m.UnitDetailPanel })));

/** Every unit of the community in one grid, with the selected unit's detail beside it. */
export function UnitsPage() {
  const community = useCommunity();
  // Filters and sort live in the hash too, so a view can be linked to and survives a reload.
  const [initialView] = useState(readUnitView);
  const [values, setValues] = useState<UnitFilterValues>(initialView.values);
  const [sort, setSort] = useState<UnitSort>(initialView.sort);
  // A link from another page (e.g. Access) may name the unit to open.
  const [openUnitId, setOpenUnitId] = useState<string | null>(linkedUnitId);
  const [total, setTotal] = useState<number | null>(null);
  // Once the grid has shown rows, the rest of the page may ask the core too (see ExposureFigure).
  const [rowsShown, setRowsShown] = useState(false);
  if (total !== null && !rowsShown) setRowsShown(true);
  // No wait after a key: the grid shows the units the text names at once (useInstantUnits) and
  // the core's answer, with guests' matches, after; `npm run bench -- --renderer` measures
  // keystroke to painted rows.
  const filters = useStableValue(toQueryFilters(values, values.search));
  usePrefetchFirstWindow(filters, sort);
  const selection = useUnitSelection();
  const openUnit = useCallback((unit: Pick<UnitRow, 'id'>) => setOpenUnitId(unit.id), []);
  useEffect(() => rememberOpenUnit(openUnitId), [openUnitId]);
  // Written once typing pauses: replacing the history entry on every keystroke costs the
  // keystroke several ms (bench: keystroke to rows).
  useEffect(() => {
    const write = setTimeout(() => rememberUnitView({ values, sort }), 250);
    return () => clearTimeout(write);
  }, [values, sort]);

  // "All matching" was for the filters of its time: new filters drop it (picked ids stay).
  const picked = selection.selection;
  if (picked.scope === 'filter' && JSON.stringify(picked.filter) !== JSON.stringify(filters)) selection.clear();

  return (
    <div className="units-page" data-panel-open={openUnitId !== null}>
      <div className="units-page__list">
        <div className="page-heading">
          <h2 className="page-heading__title">Units</h2>
          <span className="page-heading__meta" aria-live="polite">
            {total === null ? '' : `${total.toLocaleString()} ${total === 1 ? 'unit' : 'units'}`}
            {total !== null && filters.search ? ` match “${filters.search}”` : ''}
          </span>
          <SelectionBar controls={selection} filters={filters} total={total} />
        </div>
        <ExposureFigure afterRows={rowsShown} />
        <UnitsFilters community={community.data} values={values} onChange={setValues} />
        <UnitsGrid
          filters={filters}
          sort={sort}
          onSortChange={setSort}
          openUnitId={openUnitId}
          onOpenUnit={openUnit}
          selection={selection}
          onTotalChange={setTotal}
        />
      </div>
      {openUnitId && (
        <Suspense
          fallback={
            <aside className="unit-panel" aria-label="Unit">
              <LoadingState />
            </aside>
          }
        >
          <UnitDetailPanel key={openUnitId} unitId={openUnitId} onClose={() => setOpenUnitId(null)} />
        </Suspense>
      )}
    </div>
  );
}

import { useTable, type SortingState, type Updater } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { UnitRow } from '../../../../shared/domain';
import type { UnitFilters, UnitSort } from '../../api/query-keys';
import { fetchUnitRange, useUnitWindows } from '../../api/unit-windows';
import { useInstantUnits } from './useInstantUnits';
import { useCommunityTime } from '../../components/community-time';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useCan, useSearchesGuests } from '../../components/permissions';
import { isUnitSortColumn, unitColumns, unitTableFeatures } from './unit-columns';
import { UnitsGridHeader } from './UnitsGridHeader';
import { UnitsGridRow } from './UnitsGridRow';
import { useGridKeyboard } from './useGridKeyboard';
import { isUnitSelected, maxSelectedUnits, type UnitSelectionControls } from './unit-selection';
import './units-grid.css';

/** Every row is this tall (units-grid.css says so too): nothing is measured while scrolling. */
const rowHeight = 34;
/**
 * Rows drawn beyond each edge of the screen. Few: every drawn row costs each frame that
 * changes it, and a fast scroll outruns any margin anyway; windows are fetched ahead instead.
 */
const overscan = 4;
/** Rows past the drawn ones whose window is fetched already, so scrolling meets loaded rows. */
const fetchAhead = 50;
/** The table keeps columns and sort state only; rows come from the windows (see UnitsGridRow). */
const noRows: UnitRow[] = [];

interface Props {
  filters: UnitFilters;
  sort: UnitSort;
  onSortChange: (sort: UnitSort) => void;
  /** The unit whose detail panel is open. */
  openUnitId: string | null;
  onOpenUnit: (unit: Pick<UnitRow, 'id'>) => void;
  selection: UnitSelectionControls;
  onTotalChange?: (total: number | null) => void;
}

/**
 * The building-wide units grid: TanStack Table for columns and sort state (sorting runs in
 * the core), TanStack Virtual for rows, and 100-row windows fetched as the user scrolls.
 * Memoized: typing in the search box draws it again only once the search applies.
 */
export const UnitsGrid = memo(function UnitsGrid({ filters, sort, onSortChange, openUnitId, onOpenUnit, selection, onTotalChange }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [count, setCount] = useState(0);
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan,
  });
  const items = virtualizer.getVirtualItems();
  const firstIndex = items[0]?.index ?? 0;
  const lastIndex = items.at(-1)?.index ?? 0;
  // Once rows show, the units index is fetched: from then on each key shows the units it names at once.
  const instant = useInstantUnits(filters, sort, count > 0);
  const windows = useUnitWindows(filters, sort, Math.max(0, firstIndex - fetchAhead), Math.min(Math.max(count - 1, 0), lastIndex + fetchAhead), instant);

  // The virtualizer's row count follows the total of the last page the core answered.
  if (windows.total !== null && windows.total !== count) setCount(windows.total);
  // Before paint, so the count above the grid changes in the same frame as its rows. No count
  // while only the core can say (guests' names and phones): none of the units' own columns match.
  const searchesGuests = useSearchesGuests();
  const waitingForGuests = windows.instant?.total === 0 && searchesGuests;
  const counted = waitingForGuests ? null : windows.total;
  useLayoutEffect(() => onTotalChange?.(counted), [counted, onTotalChange]);

  // New filters or sort: back to the top of the list. Only when scrolled (as the virtualizer
  // saw it): scrollTo forces a layout, a cost on every keystroke in the search otherwise.
  useEffect(() => {
    if ((virtualizer.scrollOffset ?? 0) > 0) scrollRef.current?.scrollTo({ top: 0 });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- on new filters or sort only
  }, [filters, sort]);

  const sorting = useMemo<SortingState>(() => [{ id: sort.column, desc: sort.direction === 'desc' }], [sort]);
  const time = useCommunityTime();

  const table = useTable({
    features: unitTableFeatures,
    columns: unitColumns,
    data: noRows,
    manualSorting: true,
    enableMultiSort: false,
    enableSortingRemoval: false,
    state: { sorting },
    onSortingChange: (updater: Updater<SortingState>) => {
      const next = (typeof updater === 'function' ? updater(sorting) : updater)[0];
      if (next && isUnitSortColumn(next.id)) onSortChange({ column: next.id, direction: next.desc ? 'desc' : 'asc' });
    },
  });

  const keyboard = useGridKeyboard({
    count,
    columnCount: unitColumns.length,
    pageRows: () => Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / rowHeight) - 1),
    scrollToIndex: (index) => virtualizer.scrollToIndex(index, { align: 'auto' }),
    containerRef: scrollRef,
    resetKey: JSON.stringify([filters, sort]),
  });

  // Units are selected for a bulk grant only: a role that may not make one gets no check boxes.
  const canSelect = useCan('access.bulkGrant') === true;
  const current = selection.selection;
  const selectUnit = (unit: UnitRow, index: number, range: boolean) => {
    const anchor = current.scope === 'units' ? current.anchor : null;
    if (!range || anchor === null) return selection.toggle(unit, index);
    // Shift-click: every row between the anchor and this one, fetching any not loaded now.
    const [from, to] = anchor < index ? [anchor, index] : [index, anchor];
    const units: UnitRow[] = [];
    for (let i = from; i <= to; i++) {
      const between = windows.unitAt.get(i);
      if (between) units.push(between);
    }
    if (units.length === to - from + 1 || to - from + 1 > maxSelectedUnits) selection.selectRange(units, index);
    else void fetchUnitRange(filters, sort, from, to).then((all) => selection.selectRange(all, index), () => selection.selectRange(units, index));
  };
  const selectAll = {
    state: current.scope === 'filter' ? ('all' as const) : current.ids.size > 0 ? ('some' as const) : ('none' as const),
    total: windows.total ?? 0,
    onToggle: () =>
      current.scope === 'filter' ? selection.clear() : selection.selectAllMatching(filters, windows.total ?? 0),
  };

  // Rows are memoized: hand them callbacks that keep their identity and call the latest code.
  const latest = useRef({ selectUnit, setActiveAt: keyboard.setActiveAt });
  latest.current = { selectUnit, setActiveAt: keyboard.setActiveAt };
  const [stable] = useState(() => ({
    onSelect: (unit: UnitRow, index: number, range: boolean) => latest.current.selectUnit(unit, index, range),
    onActivate: (index: number, column?: number) => latest.current.setActiveAt(index, column),
  }));

  return (
    <div className="units-grid">
      {windows.error && <ErrorNotice error={windows.error} title="Could not load units." />}
      <div
        ref={scrollRef}
        className="units-grid__scroll"
        role="grid"
        aria-label="Units"
        aria-rowcount={count + 1}
        aria-colcount={unitColumns.length}
        aria-busy={windows.isFetching}
        aria-multiselectable={canSelect || undefined}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && selectAll.state !== 'none') {
            event.preventDefault();
            selection.clear();
          }
        }}
      >
        <UnitsGridHeader table={table} selectAll={canSelect ? selectAll : null} />
        <div role="rowgroup" className="units-grid__body" style={{ height: virtualizer.getTotalSize() }} onKeyDown={keyboard.onKeyDown}>
          {items.map((item) => {
            const unit = windows.unitAt.get(item.index);
            return (
              <UnitsGridRow
                key={item.key}
                index={item.index}
                top={item.start}
                unit={unit}
                headline={unit ? undefined : windows.instant?.headlineAt(item.index)}
                isActive={item.index === keyboard.activeIndex}
                activeColumn={item.index === keyboard.activeIndex ? keyboard.activeColumn : -1}
                isSelected={unit !== undefined && isUnitSelected(current, unit.id)}
                isOpen={unit !== undefined && unit.id === openUnitId}
                dateTime={time.dateTime}
                onActivate={stable.onActivate}
                onOpen={onOpenUnit}
                onSelect={canSelect ? stable.onSelect : undefined}
              />
            );
          })}
        </div>
        {windows.total === 0 && (
          <p className="units-grid__empty">{waitingForGuests ? 'Looking through guests’ names and phone numbers…' : 'No units match these filters.'}</p>
        )}
      </div>
    </div>
  );
});

import type { ReactTable } from '@tanstack/react-table';
import type { UnitRow } from '../../../../shared/domain';
import type { unitTableFeatures } from './unit-columns';

interface Props {
  table: ReactTable<typeof unitTableFeatures, UnitRow>;
  /** The header checkbox: every unit matching the filter (checked), some (mixed), none; null where the operator may not bulk grant. */
  selectAll: { state: 'all' | 'some' | 'none'; total: number; onToggle: () => void } | null;
}

function ariaSort(direction: false | 'asc' | 'desc'): 'ascending' | 'descending' | 'none' {
  if (direction === 'asc') return 'ascending';
  if (direction === 'desc') return 'descending';
  return 'none';
}

/** Sticky column headers; each is a button that asks the core for another sort order. */
export function UnitsGridHeader({ table, selectAll }: Props) {
  return (
    <div role="rowgroup" className="units-grid__head">
      {table.getHeaderGroups().map((group) => (
        <div role="row" aria-rowindex={1} className="units-grid__row units-grid__row--head" key={group.id}>
          {group.headers.map((header) => {
            const sorted = header.column.getIsSorted();
            return (
              <div
                role="columnheader"
                key={header.id}
                aria-sort={ariaSort(sorted)}
                // The Unit header also holds the select-all checkbox: name the column, not both.
                aria-label={header.column.id === 'unit' ? 'Unit' : undefined}
                className="units-grid__header"
                data-column={header.column.id}
              >
                {header.column.id === 'unit' && selectAll && (
                  <input
                    type="checkbox"
                    className="units-grid__check"
                    aria-label={`Select all ${selectAll.total.toLocaleString()} matching`}
                    checked={selectAll.state === 'all'}
                    ref={(input) => {
                      if (input) input.indeterminate = selectAll.state === 'some';
                    }}
                    disabled={selectAll.total === 0}
                    onChange={selectAll.onToggle}
                  />
                )}
                <button
                  type="button"
                  className="units-grid__sort"
                  onClick={() => header.column.toggleSorting(sorted === 'asc')}
                >
                  <table.FlexRender header={header} />
                  <span className="units-grid__sort-icon" data-direction={sorted || 'none'} aria-hidden="true" />
                </button>
              </div>
            );
          })}
        </div>
      ))}
    </div>
  );
}

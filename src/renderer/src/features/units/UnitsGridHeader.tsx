import type { ReactTable } from '@tanstack/react-table';
import type { UnitRow } from '../../../../shared/domain';
import type { unitTableFeatures } from './unit-columns';

interface Props {
  table: ReactTable<typeof unitTableFeatures, UnitRow>;
}

function ariaSort(direction: false | 'asc' | 'desc'): 'ascending' | 'descending' | 'none' {
  if (direction === 'asc') return 'ascending';
  if (direction === 'desc') return 'descending';
  return 'none';
}

/** Sticky column headers; each is a button that asks the core for another sort order. */
export function UnitsGridHeader({ table }: Props) {
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
                className="units-grid__header"
                data-column={header.column.id}
              >
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

import { FlexRender, type Row } from '@tanstack/react-table';
import type { VirtualItem } from '@tanstack/react-virtual';
import type { KeyboardEvent } from 'react';
import type { UnitRow } from '../../../../shared/domain';
import { unitColumns, type unitTableFeatures } from './unit-columns';

interface Props {
  item: VirtualItem;
  row: Row<typeof unitTableFeatures, UnitRow> | undefined;
  isActive: boolean;
  isSelected: boolean;
  onActivate: (index: number) => void;
  onOpen: (unit: UnitRow) => void;
}

/** One unit row, absolutely placed by the virtualizer; a row not yet fetched shows placeholders. */
export function UnitsGridRow({ item, row, isActive, isSelected, onActivate, onOpen }: Props) {
  const placement = { height: item.size, transform: `translateY(${item.start}px)` };
  if (!row) {
    return (
      <div role="row" aria-rowindex={item.index + 2} className="units-grid__row units-grid__row--pending" style={placement}
        data-index={item.index} tabIndex={isActive ? 0 : -1} aria-busy="true">
        {unitColumns.map((column) => (
          <div role="gridcell" key={column.id} className="units-grid__cell">
            <span className="skeleton" aria-hidden="true" />
          </div>
        ))}
      </div>
    );
  }
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onOpen(row.original);
    }
  };
  return (
    <div
      role="row"
      aria-rowindex={item.index + 2}
      aria-selected={isSelected}
      className="units-grid__row units-grid__row--unit"
      style={placement}
      data-index={item.index}
      tabIndex={isActive ? 0 : -1}
      onClick={() => {
        onActivate(item.index);
        onOpen(row.original);
      }}
      onKeyDown={onKeyDown}
    >
      {row.getAllCells().map((cell) => (
        <div role="gridcell" key={cell.id} className="units-grid__cell" data-column={cell.column.id}>
          <FlexRender cell={cell} />
        </div>
      ))}
    </div>
  );
}

import { FlexRender, type Row } from '@tanstack/react-table';
import type { VirtualItem } from '@tanstack/react-virtual';
import { memo, type KeyboardEvent, type MouseEvent } from 'react';
import type { UnitRow } from '../../../../shared/domain';
import { unitColumns, type unitTableFeatures } from './unit-columns';

interface Props {
  item: VirtualItem;
  row: Row<typeof unitTableFeatures, UnitRow> | undefined;
  isActive: boolean;
  /** Which cell holds roving focus when this row is active; -1 for the row itself. */
  activeColumn: number;
  /** Checked for a bulk grant (aria-selected). */
  isSelected: boolean;
  /** Its detail panel is open. */
  isOpen: boolean;
  onActivate: (index: number, column?: number) => void;
  onOpen: (unit: UnitRow) => void;
  /** A click on the checkbox (or Space); `range` for shift-click. */
  onSelect: (unit: UnitRow, index: number, range: boolean) => void;
}

/**
 * One unit row, absolutely placed by the virtualizer; a row not yet fetched shows placeholders.
 * Memoized: scrolling re-renders only the rows that enter, not every row on screen.
 */
export const UnitsGridRow = memo(function UnitsGridRow({ item, row, isActive, activeColumn, isSelected, isOpen, onActivate, onOpen, onSelect }: Props) {
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
  const unit = row.original;
  const onKeyDown = (event: KeyboardEvent) => {
    // Keys typed in the row or one of its cells (not the checkbox, which handles its own).
    if (event.target instanceof HTMLInputElement) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      onOpen(unit);
    } else if (event.key === ' ') {
      event.preventDefault();
      onSelect(unit, item.index, event.shiftKey);
    }
  };
  const onClick = (event: MouseEvent<HTMLElement>) => {
    // Roving focus follows the click: onto the clicked cell, or the row.
    const cell = (event.target as HTMLElement).closest('[role="gridcell"]');
    onActivate(item.index, cell ? [...event.currentTarget.children].indexOf(cell) : -1);
    if (event.shiftKey) onSelect(unit, item.index, true);
    else onOpen(unit);
  };
  // The row is named by its cells' text, leaving out the checkbox: "101 South Tower 1 …".
  const cellId = (column: string) => `unit-${unit.id}-${column}`;
  return (
    <div
      role="row"
      aria-rowindex={item.index + 2}
      aria-selected={isSelected}
      aria-labelledby={row.getAllCells().map((cell) => cellId(cell.column.id)).join(' ')}
      data-open={isOpen || undefined}
      className="units-grid__row units-grid__row--unit"
      style={placement}
      data-index={item.index}
      tabIndex={isActive && activeColumn < 0 ? 0 : -1}
      onClick={onClick}
      onKeyDown={onKeyDown}
    >
      {row.getAllCells().map((cell, column) => (
        <div
          role="gridcell"
          key={cell.id}
          className="units-grid__cell"
          data-column={cell.column.id}
          tabIndex={isActive && activeColumn === column ? 0 : -1}
        >
          {cell.column.id === 'unit' && (
            <input
              type="checkbox"
              className="units-grid__check"
              aria-label={`Select unit ${unit.number}, ${unit.buildingName}`}
              checked={isSelected}
              tabIndex={-1}
              onClick={(event) => {
                event.stopPropagation();
                onActivate(item.index, 0);
                onSelect(unit, item.index, event.shiftKey);
              }}
              onChange={() => undefined}
            />
          )}
          <span id={cellId(cell.column.id)} className="units-grid__value">
            <FlexRender cell={cell} />
          </span>
        </div>
      ))}
    </div>
  );
});

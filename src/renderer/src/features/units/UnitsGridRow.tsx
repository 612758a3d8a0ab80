import { memo, type KeyboardEvent, type MouseEvent } from 'react';
import type { UnitRow } from '../../../../shared/domain';
import type { UnitHeadline } from '../../../../shared/unit-directory';
import { headlineRow } from './headline-row';
import { unitCells, type FormatDateTime } from './unit-cells';
import { unitColumnIds } from './unit-columns';

interface Props {
  /** Position in the whole sorted list. */
  index: number;
  /** Offset from the top of the rows, in pixels. */
  top: number;
  /** Undefined while its window loads. */
  unit: UnitRow | undefined;
  /** While its window loads, the unit the instant answer puts here, if any. */
  headline?: UnitHeadline | undefined;
  isActive: boolean;
  /** Which cell holds roving focus when this row is active; -1 for the row itself. */
  activeColumn: number;
  /** Checked for a bulk grant (aria-selected). */
  isSelected: boolean;
  /** Its detail panel is open. */
  isOpen: boolean;
  dateTime: FormatDateTime;
  onActivate: (index: number, column?: number) => void;
  onOpen: (unit: Pick<UnitRow, 'id'>) => void;
  /** A click on the checkbox (or Space); `range` for shift-click. Absent for a role that may not bulk grant: no checkbox. */
  onSelect?: ((unit: UnitRow, index: number, range: boolean) => void) | undefined;
}

/**
 * One unit row, absolutely placed; a row not yet fetched shows placeholders. Memoized on
 * plain values and the unit itself (the same object until its window's data changes), so
 * scrolling draws only the rows that enter.
 */
export const UnitsGridRow = memo(function UnitsGridRow({ index, top, unit, headline, isActive, activeColumn, isSelected, isOpen, dateTime, onActivate, onOpen, onSelect }: Props) {
  const placement = { transform: `translateY(${top}px)` };
  if (!unit && headline)
    return headlineRow({ index, placement, unit: headline, isActive, onActivate, onOpen, selectable: onSelect !== undefined });
  if (!unit) {
    return (
      <div role="row" aria-rowindex={index + 2} className="units-grid__row units-grid__row--pending" style={placement}
        data-index={index} tabIndex={isActive ? 0 : -1} aria-busy="true">
        {unitColumnIds.map((column) => (
          <div role="gridcell" key={column} className="units-grid__cell">
            <span className="skeleton" aria-hidden="true" />
          </div>
        ))}
      </div>
    );
  }
  const onKeyDown = (event: KeyboardEvent) => {
    // Keys typed in the row or one of its cells (not the checkbox, which handles its own).
    if (event.target instanceof HTMLInputElement) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      onOpen(unit);
    } else if (event.key === ' ' && onSelect) {
      event.preventDefault();
      onSelect(unit, index, event.shiftKey);
    }
  };
  const onClick = (event: MouseEvent<HTMLElement>) => {
    // Roving focus follows the click: onto the clicked cell, or the row.
    const cell = (event.target as HTMLElement).closest('[role="gridcell"]');
    onActivate(index, cell ? [...event.currentTarget.children].indexOf(cell) : -1);
    if (event.shiftKey && onSelect) onSelect(unit, index, true);
    else onOpen(unit);
  };
  // The row is named by its cells' text, leaving out the checkbox: "101 South Tower 1 …".
  const cellId = (column: string) => `unit-${unit.id}-${column}`;
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={onSelect ? isSelected : undefined}
      aria-labelledby={unitColumnIds.map(cellId).join(' ')}
      data-open={isOpen || undefined}
      className="units-grid__row units-grid__row--unit"
      style={placement}
      data-index={index}
      tabIndex={isActive && activeColumn < 0 ? 0 : -1}
      onClick={onClick}
      onKeyDown={onKeyDown}
    >
      {unitColumnIds.map((column, i) => (
        <div role="gridcell" key={column} className="units-grid__cell" data-column={column} tabIndex={isActive && activeColumn === i ? 0 : -1}>
          {column === 'unit' && onSelect && (
            <input
              type="checkbox"
              className="units-grid__check"
              aria-label={`Select unit ${unit.number}, ${unit.buildingName}`}
              checked={isSelected}
              tabIndex={-1}
              onClick={(event) => {
                event.stopPropagation();
                onActivate(index, 0);
                onSelect(unit, index, event.shiftKey);
              }}
              onChange={() => undefined}
            />
          )}
          <span id={cellId(column)} className="units-grid__value">
            {unitCells[column](unit, dateTime)}
          </span>
        </div>
      ))}
    </div>
  );
});

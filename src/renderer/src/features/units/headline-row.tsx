import type { CSSProperties, ReactNode } from 'react';
import type { UnitSortColumn } from '../../../../shared/domain';
import type { UnitHeadline } from '../../../../shared/unit-directory';
import { unitColumnIds } from './unit-columns';

/** The columns a headline knows; credentials and the door wait for the core. */
const headlineCells: Partial<Record<UnitSortColumn, (unit: UnitHeadline) => ReactNode>> = {
  unit: (unit) => unit.number,
  building: (unit) => unit.buildingName,
  floor: (unit) => String(unit.floor),
  lockModel: (unit) => unit.lockModel.name,
};

interface Props {
  index: number;
  placement: CSSProperties;
  unit: UnitHeadline;
  isActive: boolean;
  onActivate: (index: number, column?: number) => void;
  onOpen: (unit: Pick<UnitHeadline, 'id'>) => void;
  /** The operator may select units for a bulk grant: the row keeps a check box's place. */
  selectable: boolean;
}

/**
 * A unit the instant search found, before the core's row arrives (a few ms later): its number,
 * building, floor and lock model, with placeholders for credentials and the door. It opens
 * like a full row; its check box waits (disabled) for the full row, which a selection keeps.
 * Called as a function, not drawn as a component: the row's element stays the same one when
 * the full row replaces it, so focus on it (the keyboard's) stays too.
 */
export function headlineRow({ index, placement, unit, isActive, onActivate, onOpen, selectable }: Props) {
  const cellId = (column: string) => `unit-${unit.id}-${column}`;
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-busy="true"
      aria-labelledby={unitColumnIds.filter((c) => headlineCells[c]).map(cellId).join(' ')}
      className="units-grid__row units-grid__row--unit"
      style={placement}
      data-index={index}
      tabIndex={isActive ? 0 : -1}
      onClick={() => {
        onActivate(index, -1);
        onOpen(unit);
      }}
    >
      {unitColumnIds.map((column) => {
        const cell = headlineCells[column];
        return (
          <div role="gridcell" key={column} className="units-grid__cell" data-column={column}>
            {column === 'unit' && selectable && (
              <input type="checkbox" className="units-grid__check" aria-label={`Select unit ${unit.number}, ${unit.buildingName}`} disabled tabIndex={-1} />
            )}
            {cell ? (
              <span id={cellId(column)} className="units-grid__value">
                {cell(unit)}
              </span>
            ) : (
              <span className="skeleton" aria-hidden="true" />
            )}
          </div>
        );
      })}
    </div>
  );
}

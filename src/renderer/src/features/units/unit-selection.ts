import { useCallback, useMemo, useState } from 'react';
import type { UnitRow } from '../../../../shared/domain';
import type { UnitFilters } from '../../api/query-keys';

/** The most units a bulk grant takes by id; beyond it, "Select all matching" sends the filter. */
export const maxSelectedUnits = 2_000;

/**
 * Units picked in the grid: either by id (click, shift-click), or every unit matching the
 * filter, kept as the filter itself so nothing has to be loaded. Ids survive scrolling and
 * live updates because rows are never the source of truth, only the ids are.
 */
export type UnitSelection =
  | { scope: 'units'; ids: ReadonlyMap<string, UnitRow>; anchor: number | null }
  | { scope: 'filter'; filter: UnitFilters; total: number };

export const noUnitsSelected: UnitSelection = { scope: 'units', ids: new Map(), anchor: null };

export function selectedCount(selection: UnitSelection): number {
  return selection.scope === 'filter' ? selection.total : selection.ids.size;
}

export function isUnitSelected(selection: UnitSelection, unitId: string): boolean {
  return selection.scope === 'filter' || selection.ids.has(unitId);
}

/** A click: toggles one unit and makes it the anchor. A click while "all matching" is selected starts anew with this unit. */
export function withToggled(current: UnitSelection, unit: UnitRow, index: number): UnitSelection {
  const ids = new Map(current.scope === 'units' ? current.ids : []);
  if (current.scope === 'units' && ids.has(unit.id)) ids.delete(unit.id);
  else ids.set(unit.id, unit);
  return { scope: 'units', ids, anchor: index };
}

/** A shift-click: adds every given unit, keeps those already picked, and moves the anchor. */
export function withRange(current: UnitSelection, units: readonly UnitRow[], index: number): UnitSelection {
  const ids = new Map(current.scope === 'units' ? current.ids : []);
  for (const unit of units) ids.set(unit.id, unit);
  return { scope: 'units', ids, anchor: index };
}

export interface UnitSelectionControls {
  selection: UnitSelection;
  /** Click: toggles one unit and makes it the anchor of a later shift-click. */
  toggle: (unit: UnitRow, index: number) => void;
  /** Shift-click: selects every given unit (those between the anchor and this row). */
  selectRange: (units: readonly UnitRow[], index: number) => void;
  selectAllMatching: (filter: UnitFilters, total: number) => void;
  clear: () => void;
}

export function useUnitSelection(): UnitSelectionControls {
  const [selection, setSelection] = useState<UnitSelection>(noUnitsSelected);
  const toggle = useCallback((unit: UnitRow, index: number) => setSelection((current) => withToggled(current, unit, index)), []);
  const selectRange = useCallback(
    (units: readonly UnitRow[], index: number) => setSelection((current) => withRange(current, units, index)),
    [],
  );
  const selectAllMatching = useCallback(
    (filter: UnitFilters, total: number) => setSelection({ scope: 'filter', filter, total }),
    [],
  );
  const clear = useCallback(() => setSelection(noUnitsSelected), []);
  return useMemo(
    () => ({ selection, toggle, selectRange, selectAllMatching, clear }),
    [selection, toggle, selectRange, selectAllMatching, clear],
  );
}

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

const empty: UnitSelection = { scope: 'units', ids: new Map(), anchor: null };

export function selectedCount(selection: UnitSelection): number {
  return selection.scope === 'filter' ? selection.total : selection.ids.size;
}

export function isUnitSelected(selection: UnitSelection, unitId: string): boolean {
  return selection.scope === 'filter' || selection.ids.has(unitId);
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
  const [selection, setSelection] = useState<UnitSelection>(empty);
  const toggle = useCallback((unit: UnitRow, index: number) => {
    setSelection((current) => {
      // A click while "all matching" is selected starts a new selection with this unit.
      const ids = new Map(current.scope === 'units' ? current.ids : []);
      if (current.scope === 'units' && ids.has(unit.id)) ids.delete(unit.id);
      else ids.set(unit.id, unit);
      return { scope: 'units', ids, anchor: index };
    });
  }, []);
  const selectRange = useCallback((units: readonly UnitRow[], index: number) => {
    setSelection((current) => {
      const ids = new Map(current.scope === 'units' ? current.ids : []);
      for (const unit of units) ids.set(unit.id, unit);
      return { scope: 'units', ids, anchor: index };
    });
  }, []);
  const selectAllMatching = useCallback(
    (filter: UnitFilters, total: number) => setSelection({ scope: 'filter', filter, total }),
    [],
  );
  const clear = useCallback(() => setSelection(empty), []);
  return useMemo(
    () => ({ selection, toggle, selectRange, selectAllMatching, clear }),
    [selection, toggle, selectRange, selectAllMatching, clear],
  );
}

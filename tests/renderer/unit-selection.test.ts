import { describe, expect, it } from 'vitest';
import type { UnitRow } from '../../src/shared/domain';
import { isUnitSelected, noUnitsSelected, selectedCount, withRange, withToggled, type UnitSelection } from '../../src/renderer/src/features/units/unit-selection';

/** Only the id matters to the selection; the rest of the row rides along for the bulk dialog. */
const unit = (id: string) => ({ id }) as UnitRow;
const ids = (selection: UnitSelection) => (selection.scope === 'units' ? [...selection.ids.keys()] : selection.scope);

describe('picking units in the grid', () => {
  it('toggles a unit on a click, and makes it the anchor of the next shift-click', () => {
    const one = withToggled(noUnitsSelected, unit('u-701'), 4);
    expect(one).toMatchObject({ scope: 'units', anchor: 4 });
    expect(ids(one)).toEqual(['u-701']);
    const two = withToggled(one, unit('u-702'), 5);
    expect(ids(two)).toEqual(['u-701', 'u-702']);
    const back = withToggled(two, unit('u-701'), 4);
    expect(ids(back)).toEqual(['u-702']);
    expect(selectedCount(back)).toBe(1);
    expect(isUnitSelected(back, 'u-701')).toBe(false);
  });

  it('adds a shift-click range to what was picked, without dropping or doubling any', () => {
    const picked = withToggled(noUnitsSelected, unit('u-101'), 0);
    const ranged = withRange(picked, [unit('u-101'), unit('u-102'), unit('u-103')], 2);
    expect(ids(ranged)).toEqual(['u-101', 'u-102', 'u-103']);
    expect(ranged).toMatchObject({ anchor: 2 });
  });

  it('leaves the selection it was given as it was', () => {
    const picked = withToggled(noUnitsSelected, unit('u-101'), 0);
    withToggled(picked, unit('u-102'), 1);
    withRange(picked, [unit('u-103')], 2);
    expect(ids(picked)).toEqual(['u-101']);
    expect(ids(noUnitsSelected)).toEqual([]);
  });

  it('starts anew from a click or a range while every matching unit is selected', () => {
    const all: UnitSelection = { scope: 'filter', filter: { floor: 7 }, total: 340 };
    expect(selectedCount(all)).toBe(340);
    expect(isUnitSelected(all, 'anything')).toBe(true);
    expect(ids(withToggled(all, unit('u-701'), 0))).toEqual(['u-701']);
    expect(ids(withRange(all, [unit('u-701'), unit('u-702')], 1))).toEqual(['u-701', 'u-702']);
  });
});

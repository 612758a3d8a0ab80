import { Button } from 'react-aria-components';
import type { UnitRow } from '../../../../shared/domain';
import type { UnitFilters } from '../../api/query-keys';
import { GrantToSelectedDialog } from './GrantToSelectedDialog';
import { maxSelectedUnits, selectedCount, type UnitSelectionControls } from './unit-selection';

interface Props {
  controls: UnitSelectionControls;
  filters: UnitFilters;
  /** Units matching the filters now; null until counted. */
  total: number | null;
}

/** " (3 × KB-500 Keypad + Bluetooth, 1 × KP-200 Keypad)": which locks the picked units have. */
function lockModels(units: Iterable<UnitRow>): string {
  const models = new Map<string, number>();
  for (const unit of units) models.set(unit.lockModel.name, (models.get(unit.lockModel.name) ?? 0) + 1);
  return models.size ? ` (${[...models].map(([name, n]) => `${n} × ${name}`).join(', ')})` : '';
}

/** "3 selected · Select all 42 matching · Grant to selected… · Clear", once anything is selected. */
export function SelectionBar({ controls, filters, total }: Props) {
  const { selection } = controls;
  const count = selectedCount(selection);
  if (count === 0) return null;
  const n = count.toLocaleString();
  const target =
    selection.scope === 'filter'
      ? ({ scope: 'filter', filter: selection.filter } as const)
      : ({ scope: 'units', unitIds: [...selection.ids.keys()].slice(0, maxSelectedUnits) } as const);
  const description =
    selection.scope === 'filter'
      ? `All ${n} ${count === 1 ? 'unit' : 'units'} matching the grid’s filters`
      : `${n} ${count === 1 ? 'unit' : 'units'} selected in the grid${lockModels(selection.ids.values())}`;
  const tooMany = selection.scope === 'units' && count > maxSelectedUnits;
  return (
    <div className="selection-bar" role="toolbar" aria-label="Selection">
      <span className="selection-bar__count" role="status">
        {selection.scope === 'filter' ? `All ${n} matching selected` : `${n} selected`}
      </span>
      {selection.scope === 'units' && total !== null && total > count && (
        <Button className="button button--small" onPress={() => controls.selectAllMatching(filters, total)}>
          Select all {total.toLocaleString()} matching
        </Button>
      )}
      {tooMany && <span className="selection-bar__note">At most {maxSelectedUnits.toLocaleString()} by hand; select all matching instead.</span>}
      <GrantToSelectedDialog target={target} count={count} description={description} isDisabled={tooMany} />
      <Button className="button button--small" onPress={controls.clear}>
        Clear
      </Button>
    </div>
  );
}

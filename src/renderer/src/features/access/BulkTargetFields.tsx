import type { Community, UnitRow } from '../../../../shared/domain';
import { SelectField } from '../../components/SelectField';

export interface BulkTarget {
  buildingId: string;
  /** A floor level, or 'all' for the whole building. */
  floor: string;
}

interface Props {
  community: Community;
  value: BulkTarget;
  onChange: (value: BulkTarget) => void;
  /** The units these fields reach, once the core counted them. */
  units: readonly UnitRow[] | undefined;
  errorMessage?: string;
}

/** "14 units: 10 KP-200 Keypad, 4 KB-500 Keypad + Bluetooth". */
function describeUnits(units: readonly UnitRow[]): string {
  const models = new Map<string, number>();
  for (const unit of units) models.set(unit.lockModel.name, (models.get(unit.lockModel.name) ?? 0) + 1);
  const list = [...models.entries()].map(([name, count]) => `${count} × ${name}`).join(', ');
  return `${units.length} ${units.length === 1 ? 'unit' : 'units'}${list ? ` (${list})` : ''}`;
}

/** Which units: a building, then one floor or all of it; says how many units and which locks. */
export function BulkTargetFields({ community, value, onChange, units, errorMessage }: Props) {
  const building = community.buildings.find((b) => b.id === value.buildingId);
  const floorOptions = [
    { id: 'all', label: 'Whole building' },
    ...(building?.floors.map((f) => ({ id: String(f.level), label: f.name })) ?? []),
  ];
  return (
    <fieldset className="form-section">
      <legend className="form-section__title">Units</legend>
      <div className="form-row">
        <SelectField
          label="Building"
          options={community.buildings.map((b) => ({ id: b.id, label: b.name }))}
          value={value.buildingId}
          onChange={(buildingId) => onChange({ buildingId, floor: 'all' })}
        />
        <SelectField label="Floor" options={floorOptions} value={value.floor} onChange={(floor) => onChange({ ...value, floor })} />
      </div>
      <p className="form-section__note" aria-live="polite">
        {units ? describeUnits(units) : 'Counting units…'}
      </p>
      {errorMessage && (
        <p className="field__error" role="alert">
          {errorMessage}
        </p>
      )}
    </fieldset>
  );
}

/** The contract's bulk target for these fields. */
export function toBulkTarget(value: BulkTarget) {
  return value.floor === 'all'
    ? ({ scope: 'building', buildingId: value.buildingId } as const)
    : ({ scope: 'floor', buildingId: value.buildingId, floor: Number(value.floor) } as const);
}

/** The floor as 'units.list' takes it: null for the whole building. */
export function targetFloor(value: BulkTarget): number | null {
  return value.floor === 'all' ? null : Number(value.floor);
}

import { Input, Label, SearchField } from 'react-aria-components';
import type { Community } from '../../../../shared/domain';
import { accessTypeLabel, doorStatusLabel } from '../../components/labels';
import { SelectField, type SelectOption } from '../../components/SelectField';
import '../../components/fields.css';
import type { UnitFilterValues } from './unit-view';

interface Props {
  community: Community | undefined;
  values: UnitFilterValues;
  onChange: (values: UnitFilterValues) => void;
}

const doorStatusOptions: SelectOption[] = [
  { id: 'all', label: 'Any status' },
  ...(['in_sync', 'pending', 'never_programmed'] as const).map((s) => ({ id: s, label: doorStatusLabel(s) })),
];

const credentialTypeOptions: SelectOption[] = [
  { id: 'all', label: 'Any type' },
  ...(['permanent', 'temporary', 'recurring', 'delivery'] as const).map((t) => ({ id: t, label: accessTypeLabel(t) })),
];

const credentialStatusOptions: SelectOption[] = [
  { id: 'all', label: 'Any status' },
  { id: 'active', label: 'Active' },
  { id: 'scheduled', label: 'Scheduled' },
  { id: 'expiring_today', label: 'Expiring today' },
  { id: 'pending', label: 'Pending at the door' },
];

function floorOptions(community: Community | undefined, buildingId: string): SelectOption[] {
  const buildings = community?.buildings.filter((b) => buildingId === 'all' || b.id === buildingId) ?? [];
  const floors = new Map<number, string>();
  for (const building of buildings) for (const floor of building.floors) floors.set(floor.level, floor.name);
  const sorted = [...floors.entries()].sort((a, b) => a[0] - b[0]);
  return [{ id: 'all', label: 'All floors' }, ...sorted.map(([level, name]) => ({ id: String(level), label: name }))];
}

/** Search and filters of the units grid; the core does the filtering. */
export function UnitsFilters({ community, values, onChange }: Props) {
  const buildingOptions: SelectOption[] = [
    { id: 'all', label: 'All buildings' },
    ...(community?.buildings.map((b) => ({ id: b.id, label: b.name })) ?? []),
  ];
  const floors = floorOptions(community, values.buildingId);
  const lockModelOptions: SelectOption[] = [
    { id: 'all', label: 'All lock models' },
    ...(community?.lockModels.filter((m) => m.role === 'unit_lock').map((m) => ({ id: m.id, label: m.name })) ?? []),
  ];
  return (
    <div className="units-filters" role="search" aria-label="Find units">
      <SearchField className="field field--search" value={values.search} onChange={(search) => onChange({ ...values, search })}>
        <Label className="field__label">Search</Label>
        <Input className="field__input" placeholder="Unit, guest name or phone" />
      </SearchField>
      <SelectField
        label="Building"
        options={buildingOptions}
        value={values.buildingId}
        onChange={(buildingId) => {
          const floorStillExists = floorOptions(community, buildingId).some((f) => f.id === values.floor);
          onChange({ ...values, buildingId, floor: floorStillExists ? values.floor : 'all' });
        }}
      />
      <SelectField label="Floor" options={floors} value={values.floor} onChange={(floor) => onChange({ ...values, floor })} />
      <SelectField
        label="Lock model"
        options={lockModelOptions}
        value={values.lockModelId}
        onChange={(lockModelId) => onChange({ ...values, lockModelId })}
      />
      <SelectField
        label="Door status"
        options={doorStatusOptions}
        value={values.doorStatus}
        onChange={(doorStatus) => onChange({ ...values, doorStatus: doorStatus as UnitFilterValues['doorStatus'] })}
      />
      <SelectField
        label="Credential type"
        options={credentialTypeOptions}
        value={values.credentialType}
        onChange={(type) => onChange({ ...values, credentialType: type as UnitFilterValues['credentialType'] })}
      />
      <SelectField
        label="Credential status"
        options={credentialStatusOptions}
        value={values.credentialStatus}
        onChange={(status) => onChange({ ...values, credentialStatus: status as UnitFilterValues['credentialStatus'] })}
      />
    </div>
  );
}

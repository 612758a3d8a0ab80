import { lazy, memo, Suspense } from 'react';
import { Input, Label, SearchField } from 'react-aria-components';
import type { Community } from '../../../../shared/domain';
import { searchMaxLength } from '../../../../shared/domain/values';
import { accessTypeLabel, doorStatusLabel } from '../../components/labels';
import { useSearchesGuests } from '../../components/permissions';
import type { SelectFieldProps, SelectOption } from '../../components/SelectField';
import { SelectFieldPreview } from '../../components/SelectFieldPreview';
import { useAfterFirstPaint } from '../../components/useAfterFirstPaint';
import '../../components/fields.css';
import type { UnitFilterValues } from './unit-view';

/** Changes the filter values from the latest ones (React's state updater form). */
type Update = (update: (values: UnitFilterValues) => UnitFilterValues) => void;

interface Props {
  community: Community | undefined;
  values: UnitFilterValues;
  onChange: Update;
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
  const { search: _search, ...picked } = values;
  const searchesGuests = useSearchesGuests();
  return (
    <div className="units-filters" role="search" aria-label="Find units">
      <SearchField className="field field--search" value={values.search} onChange={(search) => onChange((v) => ({ ...v, search }))}>
        <Label className="field__label">Search</Label>
        <Input className="field__input" maxLength={searchMaxLength} placeholder={searchesGuests ? 'Unit, guest name or phone' : 'Unit number or building'} />
      </SearchField>
      <FilterSelects community={community} onChange={onChange} {...picked} />
    </div>
  );
}

/**
 * The real pickers load after the first paint, in a chunk of their own: React Aria's select
 * (its list box, popover and collator) is then neither downloaded nor run before the rows show.
 */
const SelectField = lazy(() => import('../../components/SelectField').then((m) => ({ default: m.SelectField })));

/** A picker: its preview until the real one has loaded. */
function LoadedPicker(props: SelectFieldProps) {
  return (
    <Suspense fallback={<SelectFieldPreview {...props} />}>
      <SelectField {...props} />
    </Suspense>
  );
}

/**
 * The pickers: memoized, so typing in the search box does not draw them again. Six React Aria
 * selects cost the first paint tens of ms (their collections, a collator): the page first shows
 * them as inert previews in their places and draws them once the grid's rows have painted.
 */
const FilterSelects = memo(function FilterSelects({
  community,
  onChange,
  ...values
}: Omit<UnitFilterValues, 'search'> & { community: Community | undefined; onChange: Update }) {
  const Picker = useAfterFirstPaint() ? LoadedPicker : SelectFieldPreview;
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
    <>
      <Picker
        label="Building"
        options={buildingOptions}
        value={values.buildingId}
        onChange={(buildingId) =>
          onChange((v) => {
            const floorStillExists = floorOptions(community, buildingId).some((f) => f.id === v.floor);
            return { ...v, buildingId, floor: floorStillExists ? v.floor : 'all' };
          })
        }
      />
      <Picker label="Floor" options={floors} value={values.floor} onChange={(floor) => onChange((v) => ({ ...v, floor }))} />
      <Picker
        label="Lock model"
        options={lockModelOptions}
        value={values.lockModelId}
        onChange={(lockModelId) => onChange((v) => ({ ...v, lockModelId }))}
      />
      <Picker
        label="Door status"
        options={doorStatusOptions}
        value={values.doorStatus}
        onChange={(doorStatus) => onChange((v) => ({ ...v, doorStatus: doorStatus as UnitFilterValues['doorStatus'] }))}
      />
      <Picker
        label="Credential type"
        options={credentialTypeOptions}
        value={values.credentialType}
        onChange={(type) => onChange((v) => ({ ...v, credentialType: type as UnitFilterValues['credentialType'] }))}
      />
      <Picker
        label="Credential status"
        options={credentialStatusOptions}
        value={values.credentialStatus}
        onChange={(status) => onChange((v) => ({ ...v, credentialStatus: status as UnitFilterValues['credentialStatus'] }))}
      />
    </>
  );
});

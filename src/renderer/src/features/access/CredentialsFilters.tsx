import { Input, Label, SearchField } from 'react-aria-components';
import { CredentialStatus, searchMaxLength, type CredentialStatusFilter } from '../../../../shared/domain';
import { accessTypeLabel, credentialStatusLabel } from '../../components/labels';
import { SelectField, type SelectOption } from '../../components/SelectField';
import { accessTypes } from './grant-form/grant-options';

export interface CredentialFilterValues {
  search: string;
  status: 'any' | CredentialStatusFilter;
  type: 'any' | (typeof accessTypes)[number];
}

/** The list opens on who has access now or soon; revoked, expired and used ones are a filter away. */
export const openingCredentialFilters: CredentialFilterValues = { search: '', status: 'current', type: 'any' };

const statusOptions: SelectOption[] = [
  { id: 'current', label: 'Active or scheduled' },
  { id: 'any', label: 'Any status' },
  ...CredentialStatus.options.map((s) => ({ id: s, label: credentialStatusLabel(s) })),
];
const typeOptions: SelectOption[] = [
  { id: 'any', label: 'Any type' },
  ...accessTypes.map((t) => ({ id: t, label: accessTypeLabel(t) })),
];

interface Props {
  values: CredentialFilterValues;
  onChange: (values: CredentialFilterValues) => void;
}

/** Search and filters of the community's credential list; the core does the filtering. */
export function CredentialsFilters({ values, onChange }: Props) {
  return (
    <div className="credentials-filters" role="search" aria-label="Find credentials">
      <SearchField className="field field--search" value={values.search} onChange={(search) => onChange({ ...values, search })}>
        <Label className="field__label">Search</Label>
        <Input className="field__input" maxLength={searchMaxLength} placeholder="Guest, company, unit or phone" />
      </SearchField>
      <SelectField
        label="Status"
        options={statusOptions}
        value={values.status}
        onChange={(status) => onChange({ ...values, status: status as CredentialFilterValues['status'] })}
      />
      <SelectField
        label="Type"
        options={typeOptions}
        value={values.type}
        onChange={(type) => onChange({ ...values, type: type as CredentialFilterValues['type'] })}
      />
    </div>
  );
}

import { Button, Input, Label, SearchField } from 'react-aria-components';
import { searchMaxLength, type AuditAction } from '../../../../shared/domain';
import { SelectField, type SelectOption } from '../../components/SelectField';
import { auditActionLabel, auditActions } from './audit-actions';
import '../../components/fields.css';

export interface ActivityFilterValues {
  action: 'all' | AuditAction;
  actor: string;
  search: string;
}

export const noActivityFilters: ActivityFilterValues = { action: 'all', actor: '', search: '' };

const actionOptions: SelectOption[] = [
  { id: 'all', label: 'All actions' },
  ...auditActions.map((action) => ({ id: action, label: auditActionLabel(action) })),
];

interface Props {
  values: ActivityFilterValues;
  onChange: (values: ActivityFilterValues) => void;
}

/** What to look for in the log; the core does the filtering. */
export function ActivityFilters({ values, onChange }: Props) {
  const filtered = values.action !== 'all' || values.actor !== '' || values.search !== '';
  return (
    <div className="activity-filters" role="search" aria-label="Filter activity">
      <SelectField
        label="Action"
        options={actionOptions}
        value={values.action}
        onChange={(action) => onChange({ ...values, action: action as ActivityFilterValues['action'] })}
      />
      <SearchField className="field field--search" value={values.actor} onChange={(actor) => onChange({ ...values, actor })}>
        <Label className="field__label">Done by</Label>
        <Input className="field__input" maxLength={searchMaxLength} placeholder="Staff name" />
      </SearchField>
      <SearchField className="field field--search" value={values.search} onChange={(search) => onChange({ ...values, search })}>
        <Label className="field__label">Search</Label>
        <Input className="field__input" maxLength={searchMaxLength} placeholder="Guest, unit or door" />
      </SearchField>
      <Button className="button activity-filters__clear" isDisabled={!filtered} onPress={() => onChange(noActivityFilters)}>
        Clear filters
      </Button>
    </div>
  );
}

import type { AccessType, CredentialKind } from '../../../../../shared/domain';
import { ChoiceField } from '../../../components/ChoiceField';
import { accessTypeLabel, credentialKindLabel } from '../../../components/labels';
import type { FormErrors } from './form-errors';
import {
  accessTypes,
  credentialKinds,
  kindNote,
  typeDescription,
  whyKindUnavailable,
  whyTypeUnavailable,
  type GrantLimits,
} from './grant-options';

const kindDescriptions: Record<CredentialKind, string> = {
  pin: 'Sent to the guest by text',
  ble: 'Opens from the guest’s phone',
};

interface Props {
  limits: GrantLimits;
  kind: CredentialKind;
  type: AccessType;
  onKindChange: (kind: CredentialKind) => void;
  onTypeChange: (type: AccessType) => void;
  errors: FormErrors;
}

/** Credential kind and access type; what the guidelines, the role or the lock rule out stays visible, disabled, with why. */
export function AccessChoiceFields({ limits, kind, type, onKindChange, onTypeChange, errors }: Props) {
  const kindOptions = credentialKinds.map((id) => ({
    id,
    label: credentialKindLabel(id),
    description: kindNote(limits, id) ?? kindDescriptions[id],
    unavailable: whyKindUnavailable(limits, id),
  }));
  const typeOptions = accessTypes.map((id) => ({
    id,
    label: accessTypeLabel(id),
    description: typeDescription(limits, id),
    unavailable: whyTypeUnavailable(limits, kind, id),
  }));
  return (
    <>
      <ChoiceField label="Credential" options={kindOptions} value={kind} onChange={onKindChange} errorMessage={errors.at('kind')} />
      <ChoiceField
        label="Access type"
        options={typeOptions}
        value={type}
        onChange={onTypeChange}
        errorMessage={errors.at('schedule.type') ?? errors.at('schedule')}
      />
    </>
  );
}

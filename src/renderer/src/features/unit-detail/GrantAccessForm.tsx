import { useState, type FormEvent } from 'react';
import { Button, Form } from 'react-aria-components';
import type { Credential, CredentialKind, UnitRow } from '../../../../shared/domain';
import { useGrantAccess } from '../../api/mutations';
import { ChoiceField } from '../../components/ChoiceField';
import { ErrorNotice } from '../../components/ErrorNotice';
import { TextInputField } from '../../components/TextInputField';

interface Props {
  unit: UnitRow;
  onCancel: () => void;
  onGranted: (credential: Credential) => void;
}

const kindOptions = [
  { id: 'pin', label: 'PIN code', description: 'Sent to the guest by text' },
  { id: 'ble', label: 'Bluetooth pass', description: 'Opens from the guest’s phone' },
] as const satisfies readonly { id: CredentialKind; label: string; description: string }[];

const typeOptions = [{ id: 'permanent', label: 'Permanent', description: 'Until revoked' }] as const;

/** The kinds the unit's lock cannot hold stay visible but disabled, saying why. */
function kindChoices(unit: UnitRow) {
  return kindOptions.map((option) =>
    unit.lockModel.credentialKinds.includes(option.id)
      ? option
      : { ...option, unavailable: `The ${unit.lockModel.name} lock cannot hold it` },
  );
}

/** Who the guest is and what they get. The core checks everything again and its refusal shows here. */
export function GrantAccessForm({ unit, onCancel, onGranted }: Props) {
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [company, setCompany] = useState('');
  const [kind, setKind] = useState<CredentialKind>(unit.lockModel.credentialKinds[0] ?? 'pin');
  const grant = useGrantAccess();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const guest = { name: name.trim(), phone: phone.trim(), ...(company.trim() ? { company: company.trim() } : {}) };
    grant.mutate({ unitId: unit.id, kind, accessType: 'permanent', guest }, { onSuccess: onGranted });
  };

  return (
    <Form className="form" onSubmit={submit}>
      <TextInputField label="Guest name" name="name" value={name} onChange={setName} isRequired autoFocus
        autoComplete="off" requiredMessage="Enter the guest’s name." />
      <TextInputField label="Phone number" name="phone" type="tel" value={phone} onChange={setPhone} isRequired
        autoComplete="off" requiredMessage="Enter a phone number for the guest." description="e.g. 312-555-0142" />
      <TextInputField label="Company" name="company" value={company} onChange={setCompany} autoComplete="off" />
      <ChoiceField label="Credential" options={kindChoices(unit)} value={kind} onChange={setKind} />
      <ChoiceField label="Access type" options={typeOptions} value="permanent" onChange={() => undefined} />
      {grant.error && <ErrorNotice error={grant.error} title="Access was not granted." />}
      <div className="form__actions">
        <Button className="button" onPress={onCancel}>
          Cancel
        </Button>
        <Button type="submit" className="button button--primary" isPending={grant.isPending}>
          {grant.isPending ? 'Granting…' : 'Grant access'}
        </Button>
      </div>
    </Form>
  );
}

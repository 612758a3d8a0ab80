import { useState } from 'react';
import { Button } from 'react-aria-components';
import type { Credential } from '../../../../shared/domain';
import { useUnitDetail } from '../../api/queries';
import { ErrorNotice } from '../../components/ErrorNotice';
import { credentialKindLabel } from '../../components/labels';
import { LoadingState } from '../../components/LoadingState';
import { useCan } from '../../components/permissions';
import { CredentialList } from './CredentialList';
import { GrantAccessDialog } from './GrantAccessDialog';
import { UnitFacts } from './UnitFacts';
import './unit-detail.css';

interface Props {
  unitId: string;
  onClose: () => void;
}

/** The side panel of one unit: its facts, everyone invited, granting, new dates and revoking. */
export function UnitDetailPanel({ unitId, onClose }: Props) {
  const { unit, credentials } = useUnitDetail(unitId);
  const [notice, setNotice] = useState('');
  const [justGranted, setJustGranted] = useState<string | null>(null);
  const canGrant = useCan('access.grant');
  // Named as the whole console names units ("South Tower 101"): several buildings have a 101.
  const title = unit.data ? `${unit.data.buildingName} ${unit.data.number}` : 'Unit';
  const lock = unit.data ? { name: unit.data.lockModel.name, capabilities: unit.data.lockModel.capabilities } : null;
  const granted = (c: Credential) => {
    setNotice(`${credentialKindLabel(c.kind)} granted to ${c.guest.name}.`);
    setJustGranted(c.id);
  };
  const revoked = (c: Credential) => setNotice(`${c.guest.name}’s ${credentialKindLabel(c.kind)} was revoked.`);
  const rescheduled = (c: Credential) =>
    setNotice(`New dates for ${c.guest.name}: ${c.scheduleText}. A new ${credentialKindLabel(c.kind)} replaces the old one.`);

  return (
    <aside className="unit-panel" aria-labelledby="unit-panel-title">
      <div className="unit-panel__header">
        <h3 className="unit-panel__title" id="unit-panel-title">
          {title}
        </h3>
        <Button className="icon-button" aria-label="Close unit details" onPress={onClose}>
          <span className="icon-close" aria-hidden="true" />
        </Button>
      </div>
      <div className="unit-panel__body">
        {unit.isPending && <LoadingState />}
        {unit.error && <ErrorNotice error={unit.error} title="Could not load this unit." />}
        {unit.data && <UnitFacts unit={unit.data} />}
        <div className="unit-panel__section-head">
          <h4 className="unit-panel__section-title">Guests with access</h4>
          {unit.data && canGrant && <GrantAccessDialog unit={unit.data} onGranted={granted} />}
        </div>
        <p className="unit-panel__notice" role="status">
          {notice}
        </p>
        {credentials.error && <ErrorNotice error={credentials.error} title="Could not load credentials." />}
        {credentials.data && (
          <CredentialList
            credentials={credentials.data.list}
            notShown={credentials.data.notShown}
            lock={lock}
            onRevoked={revoked}
            onRescheduled={rescheduled}
            focusId={justGranted}
          />
        )}
      </div>
    </aside>
  );
}


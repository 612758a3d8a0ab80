import { useState } from 'react';
import type { Credential, UnitRow } from '../../../../shared/domain';
import { credentialKindLabel } from '../../components/labels';
import { GrantAccessDialog } from '../unit-detail/GrantAccessDialog';
import { UnitPicker } from './UnitPicker';
import './access.css';

/**
 * Granting from the front desk: pick the unit, then the same grant form as the unit panel.
 * A community-wide list of active credentials needs a core command that does not exist yet.
 */
export function AccessPage() {
  const [unit, setUnit] = useState<UnitRow | null>(null);
  const [notice, setNotice] = useState('');
  const granted = (c: Credential) =>
    setNotice(`${credentialKindLabel(c.kind)} granted to ${c.guest.name} for unit ${c.unitNumber}.`);
  return (
    <div className="access-page">
      <div className="page-heading">
        <h2 className="page-heading__title">Access</h2>
      </div>
      <p className="page-intro">
        Grant a guest a permanent PIN code or Bluetooth pass for a unit. Find the unit, then grant. To see or
        revoke the credentials a unit already has, open it from Units.
      </p>
      <section className="card access-page__grant" aria-labelledby="grant-heading">
        <h3 className="card__title" id="grant-heading">
          Grant access
        </h3>
        <UnitPicker selectedUnitId={unit?.id ?? null} onPick={setUnit} />
        <div className="access-page__action">
          {unit ? (
            <GrantAccessDialog
              unit={unit}
              triggerLabel={`Grant access to unit ${unit.number}`}
              onGranted={granted}
            />
          ) : (
            <span className="muted">Pick a unit to grant access.</span>
          )}
        </div>
        <p role="status" className="access-page__notice">
          {notice}
        </p>
      </section>
    </div>
  );
}

import { useState } from 'react';
import type { Credential } from '../../../../shared/domain';
import { accessTypeLabel, credentialKindLabel } from '../../components/labels';
import { useCan } from '../../components/permissions';
import { BulkGrantDialog } from './BulkGrantDialog';
import { CredentialsSection } from './CredentialsSection';
import { GrantToUnitDialog } from './GrantToUnitDialog';
import { StoppedBulkRuns } from './StoppedBulkRuns';
import { VendorApprovals } from '../approvals/VendorApprovals';
import './access.css';

/** Everyone with access across the community, granting to one unit, bulk grants for deliveries and vendors, and any a crash cut short. */
export function AccessPage() {
  const [notice, setNotice] = useState('');
  const canGrant = useCan('access.grant');
  const canBulkGrant = useCan('access.bulkGrant');
  const granted = (c: Credential) =>
    setNotice(
      `${accessTypeLabel(c.schedule.type)} ${credentialKindLabel(c.kind)} granted to ${c.guest.name} for ${c.buildingName} ${c.unitNumber}.`,
    );
  return (
    <div className="stack-page access-page">
      <div className="page-heading access-page__heading">
        <h2 className="page-heading__title">Access</h2>
        <div className="access-page__actions">
          {canBulkGrant && <BulkGrantDialog />}
          {canGrant && <GrantToUnitDialog onGranted={granted} />}
        </div>
      </div>
      <p role="status" className="access-page__notice">
        {notice}
      </p>
      <VendorApprovals />
      <StoppedBulkRuns />
      <CredentialsSection />
    </div>
  );
}

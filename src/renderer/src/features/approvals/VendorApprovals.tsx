import { useId } from 'react';
import { Button } from 'react-aria-components';
import type { VendorApproval } from '../../../../shared/domain';
import { useApproveVendorAccess } from '../../api/mutations';
import { useVendorApprovals } from '../../api/queries';
import { useCommunityTime } from '../../components/community-time';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useCan } from '../../components/permissions';
import { DeclineApprovalDialog } from './DeclineApprovalDialog';
import './approvals.css';

const stateLabels: Record<VendorApproval['state'], string> = { pending: 'Waiting for an admin', approved: 'Approved', declined: 'Declined', expired: 'Expired unapproved' };

/**
 * Vendor approvals on the Access page: an admin sees every pending request with Approve and
 * Decline, then the latest decided; leasing sees their own requests and what became of them.
 * Shown only while there is one.
 */
export function VendorApprovals() {
  const canList = useCan('approvals.list') === true;
  const canDecide = useCan('approvals.approve') === true;
  const approvals = useVendorApprovals(canList);
  const approve = useApproveVendorAccess();
  const headingId = useId();
  if (!canList || (!approvals.error && !approvals.data?.length)) return null;
  return (
    <section className="card vendor-approvals" aria-labelledby={headingId}>
      <h3 className="card__title" id={headingId}>
        Vendor approvals
      </h3>
      {approvals.error && <ErrorNotice error={approvals.error} title="Could not load the vendor approvals." />}
      {approve.error && <ErrorNotice error={approve.error} title="The request was not approved." />}
      <ul className="vendor-approvals__list">
        {approvals.data?.map((a) => (
          <ApprovalItem
            key={a.id}
            approval={a}
            canDecide={canDecide && a.state === 'pending'}
            approving={approve.isPending && approve.variables?.approvalId === a.id}
            busy={approve.isPending}
            onApprove={() => approve.mutate({ approvalId: a.id })}
          />
        ))}
      </ul>
    </section>
  );
}

interface ItemProps {
  approval: VendorApproval;
  canDecide: boolean;
  approving: boolean;
  busy: boolean;
  onApprove: () => void;
}

function ApprovalItem({ approval: a, canDecide, approving, busy, onApprove }: ItemProps) {
  const titleId = useId();
  const time = useCommunityTime();
  return (
    <li className="vendor-approval" aria-labelledby={titleId}>
      <div className="vendor-approval__text">
        <h4 className="vendor-approval__title" id={titleId}>
          {a.what} · {a.where}
        </h4>
        <p className="vendor-approval__line">
          {a.scheduleText} · {a.phone}
        </p>
        <p className="vendor-approval__line">
          Asked by {a.requestedBy} on <time dateTime={a.requestedAt}>{time.dateTime(a.requestedAt)}</time>: “{a.reason}”
        </p>
        <p className={`vendor-approval__state vendor-approval__state--${a.state}`}>
          <strong>{stateLabels[a.state]}</strong>
          {a.state === 'pending' && <> until <time dateTime={a.expiresAt}>{time.dateTime(a.expiresAt)}</time></>}
          {a.decidedBy && a.state !== 'pending' && ` by ${a.decidedBy}`}
          {a.outcome && ` · ${a.outcome}`}
          {a.declineReason && `: “${a.declineReason}”`}
        </p>
      </div>
      {canDecide && (
        <div className="vendor-approval__actions">
          <Button className="button button--primary" aria-describedby={titleId} isPending={approving} isDisabled={busy && !approving} onPress={onApprove}>
            {approving ? 'Approving…' : 'Approve'}
          </Button>
          <DeclineApprovalDialog approval={a} describedBy={titleId} />
        </div>
      )}
    </li>
  );
}

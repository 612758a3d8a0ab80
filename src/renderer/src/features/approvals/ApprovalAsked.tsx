import { useEffect, useRef } from 'react';
import { Button } from 'react-aria-components';
import type { VendorApproval } from '../../../../shared/domain';
import { useCommunityTime } from '../../components/community-time';
import { useSecondPressGuard } from '../../components/useSecondPressGuard';
import './approvals.css';

/** After "Ask an admin": what was asked, until when it waits, and where the answer shows. */
export function ApprovalAsked({ approval, onDone }: { approval: VendorApproval; onDone: () => void }) {
  const time = useCommunityTime();
  const summary = useRef<HTMLParagraphElement>(null);
  useEffect(() => summary.current?.focus(), []);
  // The second press of a double press on "Ask an admin" may land on Done: it rests through it.
  const { resting } = useSecondPressGuard(true);
  return (
    <div className="approval-asked">
      <p ref={summary} tabIndex={-1} role="status" className="approval-asked__summary">
        <strong>Asked an admin to approve</strong> a {approval.what} for {approval.where}.
      </p>
      <p className="dialog__text">
        Nothing is granted or texted until an admin approves. Their answer shows under Vendor approvals on the Access page; unapproved
        by <time dateTime={approval.expiresAt}>{time.dateTime(approval.expiresAt)}</time>, the request expires.
      </p>
      <div className="form__actions">
        <Button className="button button--primary" onPress={onDone} isDisabled={resting}>
          Done
        </Button>
      </div>
    </div>
  );
}

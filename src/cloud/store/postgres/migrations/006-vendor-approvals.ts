/**
 * Vendor approvals (apply/apply-approval.ts): a request leasing sent from one console, kept so
 * an admin on any console decides it, and the first decision to reach the cloud is the one.
 */
export const vendorApprovals = `
CREATE TABLE vendor_approvals (
  community_id text NOT NULL REFERENCES community(id),
  id text NOT NULL,
  request json NOT NULL,
  requested_by_id text NOT NULL,
  requested_at text NOT NULL,
  expires_at text NOT NULL,
  state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'approved', 'declined')),
  decided_by_id text,
  decided_by text,
  decided_at text,
  decline_reason text,
  outcome text,
  PRIMARY KEY (community_id, id)
);
`;

/**
 * Vendor approvals (apply/apply-approval.ts): a request leasing sent from one console, kept so
 * an admin on any console decides it, and the first decision to reach the cloud is the one.
 */
export const vendorApprovals = `
CREATE TABLE vendor_approvals (
  community_id TEXT NOT NULL REFERENCES community(id),
  id TEXT NOT NULL,
  request_json TEXT NOT NULL,
  requested_by_id TEXT NOT NULL,
  requested_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'approved', 'declined')),
  decided_by_id TEXT,
  decided_by TEXT,
  decided_at TEXT,
  decline_reason TEXT,
  outcome TEXT,
  PRIMARY KEY (community_id, id)
);
`;

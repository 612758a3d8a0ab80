/**
 * Vendor approvals (issue 17): where the guidelines say vendor access needs an admin's
 * approval, leasing asks and an admin approves or declines. The grant as asked is kept as
 * JSON (the grant form's or the bulk form's request) until an admin approves it; approving
 * makes it through the grant path with `request_id` as its submission, so an approval retried
 * after a crash grants once. Unapproved at `expires_at` (when its access would start), it expires.
 */
export const vendorApprovals = `
CREATE TABLE vendor_approvals (
  id TEXT PRIMARY KEY,
  request_id TEXT NOT NULL UNIQUE,
  scope TEXT NOT NULL CHECK (scope IN ('unit', 'units')),
  grant_json TEXT NOT NULL,
  what TEXT NOT NULL,
  unit_labels_json TEXT NOT NULL,
  schedule_text TEXT NOT NULL,
  phone TEXT NOT NULL,
  reason TEXT NOT NULL,
  requested_by_id TEXT NOT NULL,
  requested_by TEXT NOT NULL,
  requested_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'approved', 'declined', 'expired')),
  decided_by TEXT,
  decided_at TEXT,
  decline_reason TEXT,
  outcome TEXT
);
CREATE INDEX vendor_approvals_by_state ON vendor_approvals (state, expires_at);
CREATE INDEX vendor_approvals_by_requester ON vendor_approvals (requested_by_id, requested_at);
`;

/**
 * A vendor's visit: the credentials of one bulk grant to a vendor, one per unit, sharing one
 * code (or pass), texted once and ended as one (apply/visit-rules.ts). Each keeps the visit's id.
 */
export const vendorVisits = `
ALTER TABLE credentials ADD COLUMN visit_id TEXT;
CREATE INDEX credentials_visit ON credentials(community_id, visit_id) WHERE visit_id IS NOT NULL;
`;

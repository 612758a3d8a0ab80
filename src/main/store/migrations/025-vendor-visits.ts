/**
 * A vendor's visit: the credentials one bulk grant wrote for a vendor, one per unit, sharing
 * one code (or pass), texted once and ended as one (src/main/access/vendor-visit.ts). Each
 * carries the visit's id (the bulk run's); a revoke ends them all by it.
 */
export const vendorVisits = `
ALTER TABLE credentials ADD COLUMN visit_id TEXT;
CREATE INDEX credentials_visit ON credentials(visit_id) WHERE visit_id IS NOT NULL;
`;

/**
 * Three records for hostile hands and cut-short work:
 *
 * - sign_in_throttle: wrong passcodes counted per source (a window, a browser tab's address),
 *   not per staff member, so guessing from one place slows that place alone and a restart does
 *   not forgive it (staff/guess-throttle.ts).
 * - bulk_runs and their units: a bulk grant is recorded before its first unit, and each unit's
 *   outcome is marked in the transaction that grants it, so a run a crash cut short shows how
 *   far it got and can be finished without granting any unit twice (access/bulk-grant.ts).
 * - credentials.granted_role: the role of whoever granted it, so a kiosk changes only what a
 *   kiosk granted. Older rows take the role of the staff member named as granter, if any.
 */
export const throttleRunsGrantor = `
CREATE TABLE sign_in_throttle (
  source TEXT PRIMARY KEY,
  failures INTEGER NOT NULL,
  last_failure_at TEXT NOT NULL,
  wait_until TEXT,
  wait_noted INTEGER NOT NULL DEFAULT 0 CHECK (wait_noted IN (0, 1))
) STRICT;

CREATE TABLE bulk_runs (
  id TEXT PRIMARY KEY,
  started_at TEXT NOT NULL,
  started_by TEXT NOT NULL,
  what TEXT NOT NULL,
  grant_json TEXT NOT NULL,
  total INTEGER NOT NULL,
  finished_at TEXT,
  finished_by TEXT
) STRICT;
CREATE INDEX bulk_runs_unfinished ON bulk_runs(started_at) WHERE finished_at IS NULL;

CREATE TABLE bulk_run_units (
  run_id TEXT NOT NULL REFERENCES bulk_runs(id),
  unit_id TEXT NOT NULL REFERENCES units(id),
  position INTEGER NOT NULL,
  unit_label TEXT NOT NULL,
  outcome TEXT CHECK (outcome IN ('granted', 'refused')),
  credential_id TEXT,
  code TEXT,
  reason TEXT,
  PRIMARY KEY (run_id, unit_id)
) STRICT;

ALTER TABLE credentials ADD COLUMN granted_role TEXT CHECK (granted_role IN ('admin', 'leasing', 'maintenance', 'kiosk'));
UPDATE credentials SET granted_role = (SELECT s.role FROM staff s WHERE s.name = credentials.created_by ORDER BY s.id LIMIT 1);
`;

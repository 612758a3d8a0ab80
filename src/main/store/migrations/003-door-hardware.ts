/**
 * Door hardware. A door is known to its lock by serial (set when a technician assigns a lock
 * to the door); what the door last told a programmer is kept beside the door; jobs keep
 * enough to resume after a replug; the audit cursor and the records read from each door
 * let the console flag a gap in the door's own record numbers.
 *
 * The table a door holds is not copied here: credentials never change once written and
 * door_credentials keeps removed rows, so "the door's table as last programmed" is the
 * desired rows as of doors.reported_at, and the door's checksum confirms it.
 */
export const doorHardware = `
ALTER TABLE doors ADD COLUMN serial TEXT;
ALTER TABLE doors ADD COLUMN reported_checksum INTEGER;
ALTER TABLE doors ADD COLUMN firmware TEXT;
ALTER TABLE doors ADD COLUMN battery_percent INTEGER;
ALTER TABLE doors ADD COLUMN clock_drift_seconds INTEGER;
ALTER TABLE doors ADD COLUMN described_at TEXT;
ALTER TABLE doors ADD COLUMN audit_record INTEGER;
CREATE UNIQUE INDEX doors_serial ON doors(serial) WHERE serial IS NOT NULL;

CREATE TABLE door_jobs (
  id TEXT PRIMARY KEY,
  door_id TEXT NOT NULL REFERENCES doors(id),
  kind TEXT NOT NULL CHECK (kind IN ('program', 'read_audit', 'set_clock', 'configure_reader')),
  status TEXT NOT NULL CHECK (status IN ('running', 'succeeded', 'failed', 'interrupted')),
  started_by TEXT NOT NULL,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  -- A program job's plan: the desired version and instant it was drawn from, and the
  -- checksums of the door's table before and after. Resume compares the door with both.
  planned_version INTEGER,
  planned_at TEXT,
  base_checksum INTEGER,
  target_checksum INTEGER,
  steps_json TEXT NOT NULL,
  -- What a finished job did, in the technician's words ("Writing 3, removing 1").
  result TEXT,
  error_json TEXT
) STRICT;
CREATE INDEX door_jobs_door ON door_jobs(door_id, started_at);
CREATE INDEX door_jobs_open ON door_jobs(status) WHERE status IN ('running', 'interrupted');
`;

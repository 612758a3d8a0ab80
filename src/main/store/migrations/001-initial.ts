/**
 * The first schema. Desired state (what the console wants on a door: door_credentials and
 * doors.desired_version) is kept apart from reported state (what the door last said:
 * doors.reported_version, reported_at), so "pending at door X since T" is a query.
 */
export const initial = `
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;

CREATE TABLE community (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  time_zone TEXT NOT NULL,
  phone_region TEXT NOT NULL,
  access_system_json TEXT,
  guidelines_json TEXT NOT NULL
) STRICT;

CREATE TABLE buildings (
  id TEXT PRIMARY KEY,
  community_id TEXT NOT NULL REFERENCES community(id),
  name TEXT NOT NULL
) STRICT;

CREATE TABLE floors (
  id TEXT PRIMARY KEY,
  building_id TEXT NOT NULL REFERENCES buildings(id),
  level INTEGER NOT NULL,
  name TEXT NOT NULL
) STRICT;

CREATE TABLE lock_models (
  id TEXT PRIMARY KEY,
  maker TEXT NOT NULL,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('unit_lock', 'reader')),
  capabilities_json TEXT NOT NULL
) STRICT;

-- A unit keeps a compact summary for the grid: its floor's level, a natural sort key for
-- its number ("204" before "1102"), and counts of its live credentials, kept by triggers on
-- credentials, so a page of 10,000 units sorts and counts through indexes.
CREATE TABLE units (
  id TEXT PRIMARY KEY,
  floor_id TEXT NOT NULL REFERENCES floors(id),
  building_id TEXT NOT NULL REFERENCES buildings(id),
  number TEXT NOT NULL,
  floor_level INTEGER NOT NULL,
  unit_key TEXT NOT NULL,
  live_credentials INTEGER NOT NULL DEFAULT 0,
  live_pin INTEGER NOT NULL DEFAULT 0,
  live_ble INTEGER NOT NULL DEFAULT 0,
  UNIQUE (building_id, number)
) STRICT;
CREATE INDEX units_by_key ON units(unit_key, building_id);
CREATE INDEX units_by_building ON units(building_id, unit_key);
CREATE INDEX units_by_floor ON units(floor_level, building_id, unit_key);
CREATE INDEX units_by_live ON units(live_credentials, building_id, unit_key);

CREATE TABLE doors (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('unit', 'entrance', 'perimeter', 'amenity', 'package_room')),
  building_id TEXT REFERENCES buildings(id),
  unit_id TEXT REFERENCES units(id),
  lock_model_id TEXT NOT NULL REFERENCES lock_models(id),
  desired_version INTEGER NOT NULL DEFAULT 0,
  desired_changed_at TEXT,
  reported_version INTEGER,
  reported_at TEXT
) STRICT;
CREATE INDEX doors_unit ON doors(unit_id);

CREATE TABLE guests (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  phone_e164 TEXT NOT NULL,
  company TEXT,
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX guests_phone ON guests(phone_e164);
-- Substring search over guests (name, company, phone digits) for the search boxes: a trigram
-- index answers "chen" or "5550142" without scanning every guest of a large portfolio.
CREATE VIRTUAL TABLE guest_search USING fts5(name, company, phone, content='', contentless_delete=1, tokenize='trigram');
CREATE TRIGGER guests_search_insert AFTER INSERT ON guests BEGIN
  INSERT INTO guest_search (rowid, name, company, phone) VALUES (new.rowid, new.name, coalesce(new.company, ''), new.phone_e164);
END;
CREATE TRIGGER guests_search_update AFTER UPDATE ON guests BEGIN
  DELETE FROM guest_search WHERE rowid = old.rowid;
  INSERT INTO guest_search (rowid, name, company, phone) VALUES (new.rowid, new.name, coalesce(new.company, ''), new.phone_e164);
END;
CREATE TRIGGER guests_search_delete AFTER DELETE ON guests BEGIN
  DELETE FROM guest_search WHERE rowid = old.rowid;
END;

-- A guest's PIN code or Bluetooth pass for a unit. Its schedule is kept as typed (wall-clock
-- times in the community's zone); starts_at/ends_at are the instants it first opens and
-- finally closes, for queries. ended_at marks when it left the doors for good and why;
-- its status (scheduled, active, used, expired, revoked) is computed, never stored.
CREATE TABLE credentials (
  id TEXT PRIMARY KEY,
  unit_id TEXT NOT NULL REFERENCES units(id),
  guest_id TEXT NOT NULL REFERENCES guests(id),
  kind TEXT NOT NULL CHECK (kind IN ('pin', 'ble')),
  audience TEXT NOT NULL CHECK (audience IN ('guest', 'vendor')),
  access_type TEXT NOT NULL CHECK (access_type IN ('permanent', 'temporary', 'recurring', 'delivery')),
  schedule_json TEXT NOT NULL,
  starts_at TEXT,
  ends_at TEXT,
  pin_code TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  ended_at TEXT,
  end_reason TEXT CHECK (end_reason IN ('revoked', 'expired', 'used', 'reissued')),
  ended_by TEXT,
  used_at TEXT,
  reissued_from TEXT REFERENCES credentials(id),
  notification TEXT NOT NULL DEFAULT 'queued' CHECK (notification IN ('queued', 'sent', 'failed')),
  notifications_sent INTEGER NOT NULL DEFAULT 0,
  notification_error TEXT,
  CHECK ((kind = 'pin') = (pin_code IS NOT NULL)),
  CHECK ((ended_at IS NULL) = (end_reason IS NULL))
) STRICT;
CREATE INDEX credentials_unit_live ON credentials(unit_id) WHERE ended_at IS NULL;
CREATE TRIGGER credentials_count_live AFTER INSERT ON credentials WHEN new.ended_at IS NULL BEGIN
  UPDATE units SET live_credentials = live_credentials + 1, live_pin = live_pin + (new.kind = 'pin'),
    live_ble = live_ble + (new.kind = 'ble') WHERE id = new.unit_id;
END;
CREATE TRIGGER credentials_count_ended AFTER UPDATE OF ended_at ON credentials
  WHEN old.ended_at IS NULL AND new.ended_at IS NOT NULL BEGIN
  UPDATE units SET live_credentials = live_credentials - 1, live_pin = live_pin - (old.kind = 'pin'),
    live_ble = live_ble - (old.kind = 'ble') WHERE id = old.unit_id;
END;
CREATE INDEX credentials_unit ON credentials(unit_id, created_at);
-- Covers the search boxes' hop from a matching guest to the units they hold live credentials on.
CREATE INDEX credentials_live_guest ON credentials(guest_id, unit_id) WHERE ended_at IS NULL;
CREATE INDEX credentials_ending ON credentials(ends_at) WHERE ended_at IS NULL AND ends_at IS NOT NULL;
CREATE INDEX credentials_reissued_from ON credentials(reissued_from) WHERE reissued_from IS NOT NULL;
CREATE INDEX credentials_live_pin ON credentials(pin_code) WHERE ended_at IS NULL AND pin_code IS NOT NULL;

-- Staff who sign in on this console. Passcodes are stored as scrypt hashes only.
CREATE TABLE staff (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin', 'leasing', 'maintenance', 'kiosk')),
  passcode_hash TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1
) STRICT;

-- Desired state: which credential each door should hold, in which slot. A revoked
-- credential's rows stay, with removed_at, so history shows every door it covered.
CREATE TABLE door_credentials (
  door_id TEXT NOT NULL REFERENCES doors(id),
  credential_id TEXT NOT NULL REFERENCES credentials(id),
  slot INTEGER NOT NULL,
  added_at TEXT NOT NULL,
  removed_at TEXT,
  PRIMARY KEY (door_id, credential_id)
) STRICT;
CREATE UNIQUE INDEX door_credentials_live_slot ON door_credentials(door_id, slot)
  WHERE removed_at IS NULL;
CREATE INDEX door_credentials_credential ON door_credentials(credential_id);

-- Append-only and hash-chained: each hash covers the previous hash and this entry.
CREATE TABLE audit_log (
  seq INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  subject_id TEXT,
  summary TEXT NOT NULL,
  details_json TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
) STRICT;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

-- Mutations waiting to reach the cloud, each with the id the cloud deduplicates on.
CREATE TABLE outbox (
  seq INTEGER PRIMARY KEY,
  mutation_id TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL,
  payload_json TEXT NOT NULL,
  created_at TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'accepted', 'rejected')),
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT
) STRICT;
CREATE INDEX outbox_pending ON outbox(state, seq);
`;

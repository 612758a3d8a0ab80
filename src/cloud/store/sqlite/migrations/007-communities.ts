/**
 * Many communities in one cloud: every row belongs to a community (a tenant). Each table
 * takes community_id, first in its primary key, its unique keys and its foreign keys, so a
 * unit, door, staff member, credential, mutation id or leased code of one community never
 * meets another's with the same id. What an existing cloud holds becomes its one community's.
 *
 * Three keys stay cloud-wide on purpose: a pairing code's hash and a console token's hash
 * (they are how the cloud learns which community a request is for: random, never chosen by
 * a console), and the change cursor and text id (one sequence, so a console's cursor only
 * grows; pulls and sends filter by community).
 *
 * SQLite cannot change a primary key in place: each table is built anew, filled, the old
 * one dropped and the new one renamed, with foreign keys off (sqlite-database.ts turns them
 * off for this migration and checks them all before it commits).
 */
const tenant = '(SELECT id FROM community)';

export const communities = `
CREATE TABLE new_lock_models (
  community_id TEXT NOT NULL REFERENCES community(id),
  id TEXT NOT NULL,
  maker TEXT NOT NULL,
  name TEXT NOT NULL,
  role TEXT NOT NULL,
  capabilities_json TEXT NOT NULL,
  PRIMARY KEY (community_id, id)
) STRICT;
INSERT INTO new_lock_models SELECT ${tenant}, id, maker, name, role, capabilities_json FROM lock_models;

CREATE TABLE new_buildings (
  community_id TEXT NOT NULL REFERENCES community(id),
  id TEXT NOT NULL,
  name TEXT NOT NULL,
  PRIMARY KEY (community_id, id)
) STRICT;
INSERT INTO new_buildings SELECT ${tenant}, id, name FROM buildings;

CREATE TABLE new_units (
  community_id TEXT NOT NULL,
  id TEXT NOT NULL,
  building_id TEXT NOT NULL,
  number TEXT NOT NULL,
  PRIMARY KEY (community_id, id),
  FOREIGN KEY (community_id, building_id) REFERENCES buildings(community_id, id)
) STRICT;
INSERT INTO new_units SELECT ${tenant}, id, building_id, number FROM units;

CREATE TABLE new_doors (
  community_id TEXT NOT NULL,
  id TEXT NOT NULL,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('unit', 'entrance', 'perimeter', 'amenity', 'package_room')),
  building_id TEXT,
  unit_id TEXT,
  lock_model_id TEXT NOT NULL,
  PRIMARY KEY (community_id, id),
  FOREIGN KEY (community_id, building_id) REFERENCES buildings(community_id, id),
  FOREIGN KEY (community_id, unit_id) REFERENCES units(community_id, id),
  FOREIGN KEY (community_id, lock_model_id) REFERENCES lock_models(community_id, id)
) STRICT;
INSERT INTO new_doors SELECT ${tenant}, id, name, kind, building_id, unit_id, lock_model_id FROM doors;

CREATE TABLE new_staff (
  community_id TEXT NOT NULL REFERENCES community(id),
  id TEXT NOT NULL,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin', 'leasing', 'maintenance', 'kiosk')),
  passcode_hash TEXT,
  PRIMARY KEY (community_id, id)
) STRICT;
INSERT INTO new_staff SELECT ${tenant}, id, name, role, passcode_hash FROM staff;

-- The code's hash stays the key: it is how the cloud learns which community a console pairs to.
CREATE TABLE new_pairing_codes (
  code_hash TEXT PRIMARY KEY,
  community_id TEXT NOT NULL REFERENCES community(id),
  name TEXT NOT NULL,
  kiosk INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at TEXT,
  console_id TEXT
) STRICT;
INSERT INTO new_pairing_codes SELECT code_hash, ${tenant}, name, kiosk, created_at, expires_at, used_at, console_id FROM pairing_codes;

-- token_hash stays unique cloud-wide: the token is how the cloud learns the console and its community.
CREATE TABLE new_consoles (
  community_id TEXT NOT NULL REFERENCES community(id),
  id TEXT NOT NULL,
  name TEXT NOT NULL,
  kiosk INTEGER NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  paired_at TEXT NOT NULL,
  revoked_at TEXT,
  last_seq INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (community_id, id)
) STRICT;
INSERT INTO new_consoles SELECT ${tenant}, id, name, kiosk, token_hash, paired_at, revoked_at, last_seq FROM consoles;

CREATE TABLE new_mutation_results (
  community_id TEXT NOT NULL,
  mutation_id TEXT NOT NULL,
  console_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('accepted', 'rejected')),
  code TEXT,
  reason TEXT,
  fix_json TEXT,
  cursor INTEGER,
  settled_at TEXT NOT NULL,
  PRIMARY KEY (community_id, mutation_id),
  FOREIGN KEY (community_id, console_id) REFERENCES consoles(community_id, id)
) STRICT;
INSERT INTO new_mutation_results SELECT ${tenant}, mutation_id, console_id, seq, status, code, reason, fix_json, cursor, settled_at FROM mutation_results;

CREATE TABLE new_credentials (
  community_id TEXT NOT NULL,
  id TEXT NOT NULL,
  unit_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('pin', 'ble')),
  audience TEXT NOT NULL,
  schedule_json TEXT NOT NULL,
  guest_json TEXT NOT NULL,
  pin_code TEXT,
  ends_at TEXT,
  origin_console_id TEXT NOT NULL,
  granted_at TEXT NOT NULL,
  replaces TEXT,
  ended_at TEXT,
  end_reason TEXT CHECK (end_reason IN ('revoked', 'expired', 'used', 'reissued')),
  ended_by TEXT,
  ble_pass TEXT,
  granted_role TEXT CHECK (granted_role IN ('admin', 'leasing', 'maintenance', 'kiosk')),
  PRIMARY KEY (community_id, id),
  FOREIGN KEY (community_id, unit_id) REFERENCES units(community_id, id),
  FOREIGN KEY (community_id, origin_console_id) REFERENCES consoles(community_id, id)
) STRICT;
INSERT INTO new_credentials SELECT ${tenant}, id, unit_id, kind, audience, schedule_json, guest_json, pin_code, ends_at, origin_console_id,
  granted_at, replaces, ended_at, end_reason, ended_by, ble_pass, granted_role FROM credentials;

CREATE TABLE new_door_credentials (
  community_id TEXT NOT NULL,
  door_id TEXT NOT NULL,
  credential_id TEXT NOT NULL,
  slot INTEGER NOT NULL,
  PRIMARY KEY (community_id, door_id, credential_id),
  FOREIGN KEY (community_id, door_id) REFERENCES doors(community_id, id),
  FOREIGN KEY (community_id, credential_id) REFERENCES credentials(community_id, id)
) STRICT;
-- rowid order is the order a grant named its doors: copied in it.
INSERT INTO new_door_credentials SELECT ${tenant}, door_id, credential_id, slot FROM door_credentials ORDER BY rowid;

CREATE TABLE new_changes (
  cursor INTEGER PRIMARY KEY AUTOINCREMENT,
  community_id TEXT NOT NULL REFERENCES community(id),
  kind TEXT NOT NULL,
  payload_json TEXT NOT NULL,
  origin TEXT NOT NULL,
  mutation_id TEXT,
  at TEXT NOT NULL,
  applied_at TEXT NOT NULL,
  actor_json TEXT,
  audit_json TEXT NOT NULL
) STRICT;
INSERT INTO new_changes SELECT cursor, ${tenant}, kind, payload_json, origin, mutation_id, at, applied_at, actor_json, audit_json FROM changes;

CREATE TABLE new_text_outbox (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  community_id TEXT NOT NULL REFERENCES community(id),
  idempotency_key TEXT NOT NULL,
  credential_id TEXT NOT NULL,
  reason TEXT NOT NULL CHECK (reason IN ('granted', 'pin_changed', 'resent')),
  to_number TEXT NOT NULL,
  body TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  provider_id TEXT,
  last_error TEXT,
  queued_at TEXT NOT NULL,
  settled_at TEXT,
  UNIQUE (community_id, idempotency_key)
) STRICT;
INSERT INTO new_text_outbox SELECT id, ${tenant}, idempotency_key, credential_id, reason, to_number, body, state, attempts, next_attempt_at,
  provider_id, last_error, queued_at, settled_at FROM text_outbox;

CREATE TABLE new_audit_anchors (
  community_id TEXT NOT NULL,
  console_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  hash TEXT NOT NULL,
  received_at TEXT NOT NULL,
  PRIMARY KEY (community_id, console_id, seq),
  FOREIGN KEY (community_id, console_id) REFERENCES consoles(community_id, id)
) STRICT;
INSERT INTO new_audit_anchors SELECT ${tenant}, console_id, seq, hash, received_at FROM audit_anchors;

CREATE TABLE new_staff_keys (
  community_id TEXT NOT NULL,
  key_id TEXT NOT NULL,
  console_id TEXT NOT NULL,
  staff_id TEXT NOT NULL,
  secret TEXT NOT NULL,
  issued_at TEXT NOT NULL,
  revoked_at TEXT,
  PRIMARY KEY (community_id, key_id),
  UNIQUE (community_id, console_id, staff_id),
  FOREIGN KEY (community_id, console_id) REFERENCES consoles(community_id, id),
  FOREIGN KEY (community_id, staff_id) REFERENCES staff(community_id, id)
) STRICT;
INSERT INTO new_staff_keys SELECT ${tenant}, key_id, console_id, staff_id, secret, issued_at, revoked_at FROM staff_keys;

CREATE TABLE new_sign_in_failures (
  community_id TEXT NOT NULL,
  console_id TEXT NOT NULL,
  staff_id TEXT NOT NULL,
  failures INTEGER NOT NULL,
  blocked_until TEXT NOT NULL,
  PRIMARY KEY (community_id, console_id, staff_id),
  FOREIGN KEY (community_id, console_id) REFERENCES consoles(community_id, id)
) STRICT;
INSERT INTO new_sign_in_failures SELECT ${tenant}, console_id, staff_id, failures, blocked_until FROM sign_in_failures;

-- A code is leased to at most one console of its community; another community may lease the same digits.
CREATE TABLE new_pin_leases (
  community_id TEXT NOT NULL,
  code TEXT NOT NULL,
  console_id TEXT NOT NULL,
  leased_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  PRIMARY KEY (community_id, code),
  FOREIGN KEY (community_id, console_id) REFERENCES consoles(community_id, id)
) STRICT;
INSERT INTO new_pin_leases SELECT ${tenant}, code, console_id, leased_at, expires_at FROM pin_leases ORDER BY rowid;

DROP TABLE pin_leases; DROP TABLE sign_in_failures; DROP TABLE staff_keys; DROP TABLE audit_anchors; DROP TABLE text_outbox;
DROP TABLE changes; DROP TABLE door_credentials; DROP TABLE credentials; DROP TABLE mutation_results; DROP TABLE consoles;
DROP TABLE pairing_codes; DROP TABLE staff; DROP TABLE doors; DROP TABLE units; DROP TABLE buildings; DROP TABLE lock_models;

ALTER TABLE new_lock_models RENAME TO lock_models;
ALTER TABLE new_buildings RENAME TO buildings;
ALTER TABLE new_units RENAME TO units;
ALTER TABLE new_doors RENAME TO doors;
ALTER TABLE new_staff RENAME TO staff;
ALTER TABLE new_pairing_codes RENAME TO pairing_codes;
ALTER TABLE new_consoles RENAME TO consoles;
ALTER TABLE new_mutation_results RENAME TO mutation_results;
ALTER TABLE new_credentials RENAME TO credentials;
ALTER TABLE new_door_credentials RENAME TO door_credentials;
ALTER TABLE new_changes RENAME TO changes;
ALTER TABLE new_text_outbox RENAME TO text_outbox;
ALTER TABLE new_audit_anchors RENAME TO audit_anchors;
ALTER TABLE new_staff_keys RENAME TO staff_keys;
ALTER TABLE new_sign_in_failures RENAME TO sign_in_failures;
ALTER TABLE new_pin_leases RENAME TO pin_leases;

CREATE INDEX credentials_live_pin ON credentials(community_id, pin_code) WHERE pin_code IS NOT NULL AND ended_at IS NULL;
CREATE INDEX door_credentials_slot ON door_credentials(community_id, door_id, slot);
CREATE INDEX door_credentials_credential ON door_credentials(community_id, credential_id);
CREATE INDEX changes_community ON changes(community_id, cursor);
CREATE INDEX text_outbox_due ON text_outbox(next_attempt_at) WHERE state = 'pending';
CREATE INDEX pin_leases_console ON pin_leases(community_id, console_id, code);
CREATE TRIGGER audit_anchors_no_update BEFORE UPDATE ON audit_anchors
  BEGIN SELECT RAISE(ABORT, 'audit_anchors is append-only'); END;
CREATE TRIGGER audit_anchors_no_delete BEFORE DELETE ON audit_anchors
  BEGIN SELECT RAISE(ABORT, 'audit_anchors is append-only'); END;
`;

/**
 * The cloud's first schema. Credentials and their doors mirror what consoles hold; the
 * rest is the cloud's own: consoles and their token hashes, the answer to every mutation
 * (exactly once), the change log consoles pull, and the texts waiting to go out.
 */
export const initial = `
CREATE TABLE community (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  time_zone TEXT NOT NULL,
  phone_region TEXT NOT NULL,
  access_system_json TEXT NOT NULL,
  guidelines_json TEXT NOT NULL
) STRICT;

CREATE TABLE lock_models (
  id TEXT PRIMARY KEY,
  maker TEXT NOT NULL,
  name TEXT NOT NULL,
  role TEXT NOT NULL,
  capabilities_json TEXT NOT NULL
) STRICT;

CREATE TABLE buildings (id TEXT PRIMARY KEY, name TEXT NOT NULL) STRICT;

CREATE TABLE units (
  id TEXT PRIMARY KEY,
  building_id TEXT NOT NULL REFERENCES buildings(id),
  number TEXT NOT NULL
) STRICT;

CREATE TABLE doors (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('unit', 'entrance', 'perimeter', 'amenity', 'package_room')),
  building_id TEXT REFERENCES buildings(id),
  unit_id TEXT REFERENCES units(id),
  lock_model_id TEXT NOT NULL REFERENCES lock_models(id)
) STRICT;

CREATE TABLE staff (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin', 'leasing', 'maintenance', 'kiosk'))
) STRICT;

-- Only the SHA-256 of a pairing code is kept; used_at makes it single use.
CREATE TABLE pairing_codes (
  code_hash TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  kiosk INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at TEXT,
  console_id TEXT
) STRICT;

-- last_seq: the highest outbox seq applied from this console; a new mutation must come after it.
CREATE TABLE consoles (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  kiosk INTEGER NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  paired_at TEXT NOT NULL,
  revoked_at TEXT,
  last_seq INTEGER NOT NULL DEFAULT 0
) STRICT;

-- The answer to every mutation ever settled: the dedup record of exactly-once delivery.
CREATE TABLE mutation_results (
  mutation_id TEXT PRIMARY KEY,
  console_id TEXT NOT NULL REFERENCES consoles(id),
  seq INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('accepted', 'rejected')),
  code TEXT,
  reason TEXT,
  fix_json TEXT,
  cursor INTEGER,
  settled_at TEXT NOT NULL
) STRICT;

CREATE TABLE credentials (
  id TEXT PRIMARY KEY,
  unit_id TEXT NOT NULL REFERENCES units(id),
  kind TEXT NOT NULL CHECK (kind IN ('pin', 'ble')),
  audience TEXT NOT NULL,
  schedule_json TEXT NOT NULL,
  guest_json TEXT NOT NULL,
  pin_code TEXT,
  ends_at TEXT,
  origin_console_id TEXT NOT NULL REFERENCES consoles(id),
  granted_at TEXT NOT NULL,
  replaces TEXT,
  ended_at TEXT,
  end_reason TEXT CHECK (end_reason IN ('revoked', 'expired', 'used', 'reissued')),
  ended_by TEXT
) STRICT;
CREATE INDEX credentials_live_pin ON credentials(pin_code) WHERE pin_code IS NOT NULL AND ended_at IS NULL;

-- Which door holds which credential in which slot; rows of ended credentials stay for history.
CREATE TABLE door_credentials (
  door_id TEXT NOT NULL REFERENCES doors(id),
  credential_id TEXT NOT NULL REFERENCES credentials(id),
  slot INTEGER NOT NULL,
  PRIMARY KEY (door_id, credential_id)
) STRICT;
CREATE INDEX door_credentials_slot ON door_credentials(door_id, slot);
CREATE INDEX door_credentials_credential ON door_credentials(credential_id);

-- What consoles pull. AUTOINCREMENT: a cursor is never given twice, even after a delete.
CREATE TABLE changes (
  cursor INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT NOT NULL,
  payload_json TEXT NOT NULL,
  origin TEXT NOT NULL,
  mutation_id TEXT,
  at TEXT NOT NULL,
  applied_at TEXT NOT NULL,
  actor_json TEXT,
  audit_json TEXT NOT NULL
) STRICT;

-- Texts to guests, queued in the mutation's transaction and sent after it commits.
CREATE TABLE text_outbox (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  idempotency_key TEXT NOT NULL UNIQUE,
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
  settled_at TEXT
) STRICT;
CREATE INDEX text_outbox_due ON text_outbox(next_attempt_at) WHERE state = 'pending';
`;

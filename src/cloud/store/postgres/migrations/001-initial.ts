/**
 * The PostgreSQL store's first schema: the SQLite store's migrations 001 to 005 as they
 * stand, in PostgreSQL's types. Instants the cloud stamps itself are timestamptz; those a
 * console said (a grant's `at`, a change's `at`, a schedule's end) stay text as the console
 * sent them, compared byte-wise (COLLATE "C") as the SQLite store compares them. JSON is `json`, not `jsonb`: it
 * keeps the text as written, keys in order, as consoles read it back.
 *
 * One community today. Every table is keyed so that the tenancy step is one migration: add
 * community_id (filled with the one community's id) to each table and put it first in each
 * primary key, unique key and foreign key; the change cursor stays one sequence, and the
 * write lock (postgres-cloud-store.ts) becomes one per community.
 */
export const initial = `
CREATE TABLE community (
  id text PRIMARY KEY,
  name text NOT NULL,
  time_zone text NOT NULL,
  phone_region text NOT NULL,
  access_system json,
  guidelines json NOT NULL
);

CREATE TABLE lock_models (
  id text PRIMARY KEY,
  maker text NOT NULL,
  name text NOT NULL,
  role text NOT NULL CHECK (role IN ('unit_lock', 'reader')),
  capabilities json NOT NULL
);

CREATE TABLE buildings (id text PRIMARY KEY, name text NOT NULL);

CREATE TABLE units (
  id text PRIMARY KEY,
  building_id text NOT NULL REFERENCES buildings(id),
  number text NOT NULL
);

CREATE TABLE doors (
  id text PRIMARY KEY,
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('unit', 'entrance', 'perimeter', 'amenity', 'package_room')),
  building_id text REFERENCES buildings(id),
  unit_id text REFERENCES units(id),
  lock_model_id text NOT NULL REFERENCES lock_models(id)
);

CREATE TABLE staff (
  id text PRIMARY KEY,
  name text NOT NULL,
  role text NOT NULL CHECK (role IN ('admin', 'leasing', 'maintenance', 'kiosk')),
  passcode_hash text
);

-- Only the SHA-256 of a pairing code is kept; used_at makes it single use.
CREATE TABLE pairing_codes (
  code_hash text PRIMARY KEY,
  name text NOT NULL,
  kiosk boolean NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  console_id text
);

-- last_seq: the highest outbox seq applied from this console; a new mutation must come after it.
CREATE TABLE consoles (
  id text PRIMARY KEY,
  name text NOT NULL,
  kiosk boolean NOT NULL,
  token_hash text NOT NULL UNIQUE,
  paired_at timestamptz NOT NULL,
  revoked_at timestamptz,
  last_seq bigint NOT NULL DEFAULT 0
);

-- The answer to every mutation ever settled: the dedup record of exactly-once delivery.
CREATE TABLE mutation_results (
  mutation_id text PRIMARY KEY,
  console_id text NOT NULL REFERENCES consoles(id),
  seq bigint NOT NULL,
  status text NOT NULL CHECK (status IN ('accepted', 'rejected')),
  code text,
  reason text,
  fix json,
  cursor bigint,
  settled_at timestamptz NOT NULL,
  UNIQUE (console_id, seq)
);

CREATE TABLE credentials (
  id text PRIMARY KEY,
  unit_id text NOT NULL REFERENCES units(id),
  kind text NOT NULL CHECK (kind IN ('pin', 'ble')),
  audience text NOT NULL,
  schedule json NOT NULL,
  guest json NOT NULL,
  pin_code text COLLATE "C",
  ble_pass text,
  ends_at text COLLATE "C",
  origin_console_id text NOT NULL REFERENCES consoles(id),
  granted_role text CHECK (granted_role IN ('admin', 'leasing', 'maintenance', 'kiosk')),
  granted_at text NOT NULL,
  replaces text,
  ended_at text,
  end_reason text CHECK (end_reason IN ('revoked', 'expired', 'used', 'reissued')),
  ended_by text
);
-- Codes compare byte-wise (COLLATE "C"), as on SQLite, whatever the database's locale:
-- "codes starting with" is then a range scan on this index (pinsExtending).
CREATE INDEX credentials_live_pin ON credentials (pin_code) WHERE pin_code IS NOT NULL AND ended_at IS NULL;

-- Which door holds which credential in which slot; rows of ended credentials stay for history.
-- position: the order the grant named its doors, as a credential reads them back.
CREATE TABLE door_credentials (
  door_id text NOT NULL REFERENCES doors(id),
  credential_id text NOT NULL REFERENCES credentials(id),
  slot integer NOT NULL,
  position integer NOT NULL,
  PRIMARY KEY (door_id, credential_id)
);
CREATE INDEX door_credentials_slot ON door_credentials (door_id, slot);
CREATE INDEX door_credentials_credential ON door_credentials (credential_id);

-- What consoles pull. Cursors are handed out under the write lock, so in commit order.
CREATE TABLE changes (
  cursor bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind text NOT NULL,
  payload json NOT NULL,
  origin text NOT NULL,
  mutation_id text,
  at text NOT NULL,
  applied_at timestamptz NOT NULL,
  actor json,
  audit json NOT NULL
);

-- Texts to guests, queued in the mutation's transaction and sent after it commits.
CREATE TABLE text_outbox (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  idempotency_key text NOT NULL UNIQUE,
  credential_id text NOT NULL,
  reason text NOT NULL CHECK (reason IN ('granted', 'pin_changed', 'resent')),
  to_number text NOT NULL,
  body text NOT NULL,
  state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,
  provider_id text,
  last_error text,
  queued_at timestamptz NOT NULL,
  settled_at timestamptz
);
CREATE INDEX text_outbox_due ON text_outbox (next_attempt_at) WHERE state = 'pending';

-- Each console's audit-log heads, append-only (docs/sync-api.md, Audit anchors).
CREATE TABLE audit_anchors (
  console_id text NOT NULL REFERENCES consoles(id),
  seq bigint NOT NULL,
  hash text NOT NULL,
  received_at timestamptz NOT NULL,
  PRIMARY KEY (console_id, seq)
);
CREATE FUNCTION audit_anchors_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN RAISE EXCEPTION 'audit_anchors is append-only'; END $$;
CREATE TRIGGER audit_anchors_no_change BEFORE UPDATE OR DELETE ON audit_anchors
  FOR EACH ROW EXECUTE FUNCTION audit_anchors_append_only();

-- One key per console and staff member; it ends with the console (revoked_at).
CREATE TABLE staff_keys (
  key_id text PRIMARY KEY,
  console_id text NOT NULL REFERENCES consoles(id),
  staff_id text NOT NULL REFERENCES staff(id),
  secret text NOT NULL,
  issued_at timestamptz NOT NULL,
  revoked_at timestamptz,
  UNIQUE (console_id, staff_id)
);

CREATE TABLE sign_in_failures (
  console_id text NOT NULL REFERENCES consoles(id),
  staff_id text NOT NULL,
  failures integer NOT NULL,
  blocked_until timestamptz NOT NULL,
  PRIMARY KEY (console_id, staff_id)
);

-- Codes set aside for one console (POST /v1/pin-leases); leased_order keeps the order they were leased in.
CREATE TABLE pin_leases (
  code text COLLATE "C" PRIMARY KEY,
  console_id text NOT NULL REFERENCES consoles(id),
  leased_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  leased_order bigint GENERATED ALWAYS AS IDENTITY
);
CREATE INDEX pin_leases_console ON pin_leases (console_id, code);
`;

/**
 * Live locks (docs/ARCHITECTURE.md, "Live locks"): locks the console reaches from the office
 * through a Z-Wave stick. The door's desired table stays in door_credentials; these tables
 * keep only what the network and the locks said, and the queue that brings them together.
 *
 * - live_locks: the locks of each network (a stick's home id), the door each is assigned to
 *   (one lock per door), and what the interview and the last reports said.
 * - live_lock_slots: what each assigned lock reported per slot, with the credential the
 *   console wrote there. A digest of the code, never the code: a guest's code lives on the
 *   credential and nowhere else it is not needed. 'refused' keeps a code the lock turned
 *   down (a duplicate, a full lock) with the lock's reason, so it is not sent again until
 *   the desired code changes.
 * - live_lock_queue: per door, work not yet done: since when, how many tries, when the next
 *   one is, and the last problem in staff's words.
 */
export const liveLocks = `
CREATE TABLE live_locks (
  network_id TEXT NOT NULL,
  node_id INTEGER NOT NULL,
  door_id TEXT UNIQUE REFERENCES doors(id),
  manufacturer TEXT NOT NULL,
  product TEXT NOT NULL,
  security TEXT NOT NULL CHECK (security IN ('strong', 'weak', 'none')),
  status TEXT NOT NULL CHECK (status IN ('alive', 'asleep', 'dead', 'unknown')),
  battery_percent INTEGER,
  battery_low INTEGER NOT NULL DEFAULT 0,
  bolt_locked INTEGER,
  capabilities_json TEXT,
  included_at TEXT NOT NULL,
  assigned_at TEXT,
  PRIMARY KEY (network_id, node_id)
) STRICT;

CREATE TABLE live_lock_slots (
  door_id TEXT NOT NULL REFERENCES doors(id),
  slot INTEGER NOT NULL,
  credential_id TEXT REFERENCES credentials(id),
  code_digest TEXT,
  state TEXT NOT NULL CHECK (state IN ('available', 'enabled', 'disabled', 'refused')),
  problem TEXT,
  reported_at TEXT NOT NULL,
  PRIMARY KEY (door_id, slot)
) STRICT;

CREATE TABLE live_lock_queue (
  door_id TEXT PRIMARY KEY REFERENCES doors(id),
  pending_since TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT,
  problem TEXT
) STRICT;
`;

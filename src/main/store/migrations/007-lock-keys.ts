/**
 * Bluetooth locks' keys, provisioned at commissioning (docs/protocols/ble-lock.md): a lock
 * opens a session only to whoever holds its key. Kept in the store beside the PIN codes the
 * same locks open with: whoever can read this file already holds every code in it. Keyed by
 * the lock's serial, so a lock moved to another door keeps its key.
 */
export const lockKeys = `
CREATE TABLE lock_keys (
  serial TEXT PRIMARY KEY,
  lock_key BLOB NOT NULL CHECK (length(lock_key) = 32),
  commissioned_at TEXT NOT NULL,
  commissioned_by TEXT NOT NULL
) STRICT;
`;

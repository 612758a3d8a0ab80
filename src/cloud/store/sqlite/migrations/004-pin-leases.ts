/**
 * Code leases (docs/sync-api.md, POST /v1/pin-leases): PIN codes the cloud has set aside for
 * one console to draw from, online or not. A code is leased to at most one console (the
 * primary key), and never while it is live on a door; the grant that uses it takes the row
 * away in its own transaction. Rows past expires_at count for nothing and are cleared at the
 * next lease. ble_pass: a Bluetooth credential's pass (a secret, like its PIN code), from
 * consoles that send one.
 */
export const pinLeases = `
ALTER TABLE credentials ADD COLUMN ble_pass TEXT;

CREATE TABLE pin_leases (
  code TEXT PRIMARY KEY,
  console_id TEXT NOT NULL REFERENCES consoles(id),
  leased_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
) STRICT;
CREATE INDEX pin_leases_console ON pin_leases(console_id, code);
`;

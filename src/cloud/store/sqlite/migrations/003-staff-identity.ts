/**
 * Staff prove who they are to the cloud (docs/sync-api.md, "Staff sign-in and proofs"):
 * each staff member's passcode as a slow hash (seeded from the community file), the
 * signing key the cloud gave each console for each staff member at an online sign-in,
 * and the wrong passcodes counted per console and staff member, so a restart does not
 * forget a guesser.
 */
export const staffIdentity = `
ALTER TABLE staff ADD COLUMN passcode_hash TEXT;

-- One key per console and staff member; it ends with the console (revoked_at).
CREATE TABLE staff_keys (
  key_id TEXT PRIMARY KEY,
  console_id TEXT NOT NULL REFERENCES consoles(id),
  staff_id TEXT NOT NULL REFERENCES staff(id),
  secret TEXT NOT NULL,
  issued_at TEXT NOT NULL,
  revoked_at TEXT,
  UNIQUE (console_id, staff_id)
) STRICT;

CREATE TABLE sign_in_failures (
  console_id TEXT NOT NULL REFERENCES consoles(id),
  staff_id TEXT NOT NULL,
  failures INTEGER NOT NULL,
  blocked_until TEXT NOT NULL,
  PRIMARY KEY (console_id, staff_id)
) STRICT;
`;

/**
 * Wrong pairing codes per client address and wrong passcodes per console and staff member,
 * kept in the store (as on PostgreSQL, where instances share them): a restart forgets none.
 * The counts of migration 003's sign_in_failures start over here; that table is no longer read.
 */
export const attemptLimits = `
CREATE TABLE attempt_limits (
  limit_name TEXT NOT NULL,
  key TEXT NOT NULL,
  failures INTEGER NOT NULL,
  blocked_until TEXT NOT NULL,
  last_at TEXT NOT NULL,
  PRIMARY KEY (limit_name, key)
) STRICT;
CREATE INDEX attempt_limits_quiet ON attempt_limits(limit_name, last_at);
`;

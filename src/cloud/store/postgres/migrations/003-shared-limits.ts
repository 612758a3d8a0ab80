/*
 * What several instances must share beyond the data itself:
 * - a text's claim: the instance sending it and until when, so each text goes out from one
 *   instance at a time (claimed FOR UPDATE SKIP LOCKED) and a killed instance's claim lapses;
 * - attempt limits: wrong pairing codes per client address and wrong passcodes per console
 *   and staff member, counted in the database so a guesser gains nothing by spreading tries
 *   over instances. `key` is the limit's own key (an address; a console and staff member).
 *   The counts of 001's sign_in_failures start over here; that table is no longer read.
 */
export const sharedLimits = `
ALTER TABLE text_outbox ADD COLUMN claimed_by text, ADD COLUMN claimed_until timestamptz;

CREATE TABLE attempt_limits (
  limit_name text NOT NULL,
  key text NOT NULL,
  failures integer NOT NULL,
  blocked_until timestamptz NOT NULL,
  last_at timestamptz NOT NULL,
  PRIMARY KEY (limit_name, key)
);
CREATE INDEX attempt_limits_quiet ON attempt_limits (limit_name, last_at);
`;

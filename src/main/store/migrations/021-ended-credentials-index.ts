/**
 * Revocation exposure looks up, for each row a pending door still holds, whether its credential
 * ended. Through the credentials table that is a visit to a wide row per held row (about 21,000
 * at 10,000 units after a day of expiries: over a second); this index answers it alone (and
 * which unit, for one unit's panel), and holds only ended credentials.
 */
export const endedCredentialsIndex = `
CREATE INDEX credentials_ended ON credentials(id, ended_at, unit_id) WHERE ended_at IS NOT NULL;
`;

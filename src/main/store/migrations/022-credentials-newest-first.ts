/**
 * The Access page lists credentials newest first. Without an index in that order SQLite sorted
 * every credential (76,000 at 10,000 units: 0.8–1.4 s of the core per page) to answer 50.
 */
export const credentialsNewestFirst = `
CREATE INDEX credentials_created ON credentials(created_at DESC, id);
`;

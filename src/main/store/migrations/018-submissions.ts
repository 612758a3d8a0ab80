/**
 * Submissions (issue 17): a grant form sends one request id per submission, so a double
 * click, a second Enter or a retry after a dropped connection grants once and answers the
 * same outcome. The row is written in the grant's own transaction, so an answer lost to a
 * crash is still found by the retry. What it made: a credential, or a bulk run.
 */
export const submissions = `
CREATE TABLE submissions (
  request_id TEXT PRIMARY KEY,
  command TEXT NOT NULL,
  staff_id TEXT NOT NULL,
  credential_id TEXT REFERENCES credentials(id),
  bulk_run_id TEXT REFERENCES bulk_runs(id),
  at TEXT NOT NULL,
  CHECK ((credential_id IS NULL) <> (bulk_run_id IS NULL))
);
`;

import type { Db } from './database';

/** What one submission of a grant form made: a credential, or a bulk run. */
export interface Submission {
  requestId: string;
  command: 'access.grant' | 'access.bulkGrant';
  staffId: string;
  credentialId: string | null;
  bulkRunId: string | null;
}

interface Row {
  request_id: string;
  command: Submission['command'];
  staff_id: string;
  credential_id: string | null;
  bulk_run_id: string | null;
}

export function findSubmission(db: Db, requestId: string): Submission | null {
  const row = db.prepare<[string], Row>('SELECT request_id, command, staff_id, credential_id, bulk_run_id FROM submissions WHERE request_id = ?').get(requestId);
  return row ? { requestId: row.request_id, command: row.command, staffId: row.staff_id, credentialId: row.credential_id, bulkRunId: row.bulk_run_id } : null;
}

/** Written inside the transaction that made what it names, so both are kept or neither. */
export function recordSubmission(db: Db, s: Submission, at: string): void {
  db.prepare('INSERT INTO submissions (request_id, command, staff_id, credential_id, bulk_run_id, at) VALUES (?, ?, ?, ?, ?, ?)').run(
    s.requestId, s.command, s.staffId, s.credentialId, s.bulkRunId, at,
  );
}

import { appendAudit, type AuditRecord } from './audit-log';
import type { Db } from './database';
import { enqueueMutation, type Mutation } from './outbox';

export interface ActionRecord {
  audit: AuditRecord;
  mutation: Mutation | null;
}

/**
 * Runs a user action as one transaction: its state change (the body), its audit entry
 * and its outbox entry are all written, or none of them is. A body that wrote its own
 * audit entries answers a null record.
 */
export function runUserAction<T>(db: Db, body: () => { result: T; record: ActionRecord | null }): T {
  return db.transaction(() => {
    const { result, record } = body();
    if (record) {
      appendAudit(db, record.audit);
      if (record.mutation) enqueueMutation(db, record.mutation, record.audit);
    }
    return result;
  })();
}

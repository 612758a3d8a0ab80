import { createHash } from 'node:crypto';

/*
 * The same request approved on two consoles before either synced must grant once. So an
 * approval's grant names its credentials from the request, not at random: both consoles write
 * the same ids, the cloud keeps the first grant to reach it and refuses the other as
 * `already_granted`, and the losing console takes the cloud's version from its next pull.
 */

/** The bulk run (and so the vendor's visit) an approval of many units grants as. */
export function approvalRunId(approvalId: string): string {
  return `bulk_${approvalId}`;
}

/** The approval a bulk run grants (its credential ids derived: approvalCredentialId), or null for any other run. */
export function approvalOfRun(runId: string): string | null {
  return runId.startsWith('bulk_approval_') ? runId.slice('bulk_'.length) : null;
}

/** A credential id every console derives alike from the approval (or its run) and the unit: a UUID's shape, from SHA-256. */
export function approvalCredentialId(source: string, unitId: string): string {
  const h = createHash('sha256').update(`${source}\n${unitId}`).digest('hex');
  return `cred_${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

import { appendAudit } from '../store/audit-log';
import { installSeal, keyIdOf, logWasSealed, nextAuditSeq, storeIdOf } from '../store/audit-seal';
import type { Db } from '../store/database';
import { porterActor } from '../store/outbox';
import { newAuditKey, readAuditKey, readAuditKeyNow, saveAuditKey, saveAuditKeyNow, type AuditKeyRecord } from '../secrets/audit-key';
import type { ImmediateSecretStore } from '../secrets/memory-secret-store';
import type { SecretStore } from '../secrets/secret-store';

/**
 * Seals the store's audit log with its key before anything else appends to it (the core
 * calls this first): the key comes from the secret store, or a new one is made there, and
 * the entry where it begins (`audit.sealed`) is written. The key is saved before that entry:
 * a crash between the two leaves a key whose start is the log's next entry, which the next
 * start writes. A log sealed before under a key the keychain no longer has (a lost keychain,
 * a data folder brought from another computer) gets a new key, and its entry says so.
 */
export function sealAuditLogNow(db: Db, secrets: ImmediateSecretStore, now: () => Date): void {
  const storeId = storeIdOf(db);
  let record = readAuditKeyNow(secrets, storeId);
  if (!record) {
    record = newAuditKey(nextAuditSeq(db));
    saveAuditKeyNow(secrets, storeId, record);
  }
  begin(db, record, now);
}

/** The same, for a store that answers later (the OS keychain). */
export async function sealAuditLog(db: Db, secrets: SecretStore, now: () => Date): Promise<void> {
  const storeId = storeIdOf(db);
  let record = await readAuditKey(secrets, storeId);
  if (!record) {
    record = newAuditKey(nextAuditSeq(db));
    await saveAuditKey(secrets, storeId, record);
  }
  begin(db, record, now);
}

function begin(db: Db, record: AuditKeyRecord, now: () => Date): void {
  db.transaction(() => {
    const earlierKey = logWasSealed(db);
    installSeal(db, record);
    // Otherwise the key began earlier, and verification checks that it did.
    if (record.since !== nextAuditSeq(db)) return;
    const before = record.since - 1;
    appendAudit(db, {
      at: now().toISOString(),
      actor: porterActor.name,
      action: 'audit.sealed',
      subjectId: null,
      summary: earlierKey
        ? 'Porter sealed the activity log with a new key: the key of the entries before this one is not in this computer’s keychain, so they can no longer all be checked'
        : `Porter sealed the activity log with this console’s key, kept in the keychain apart from the store${before > 0 ? `; the ${before.toLocaleString('en-US')} entries before were made before the log was keyed` : ''}`,
      details: { keyId: keyIdOf(record.key), storeId: storeIdOf(db) },
    });
  })();
}

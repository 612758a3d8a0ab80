/**
 * Two things the record needs.
 *
 * A random id for this store. The audit log's key lives in the OS keychain under an account
 * named after it, so two data folders on one machine (a training folder and the real one)
 * never share or overwrite each other's key. Kept in settings; made once, never changed.
 *
 * Codes the outbox no longer needs. A row the cloud answered, and a row made before this
 * console was paired (never sent: only later rows go to the cloud), give their payload's
 * `pinCode` up, and an answer's fix gives up the new code an older cloud put in it. The rows
 * themselves stay: they are the console's record of what it sent and what it was told.
 * The audit log is not touched: it is append-only, and codes an older version wrote into a
 * `sync.rejected` entry stay there (docs/ARCHITECTURE.md, Store).
 */
export const storeIdAndSpentCodes = `
INSERT OR IGNORE INTO settings (key, value) VALUES ('store.id', lower(hex(randomblob(16))));

UPDATE outbox SET payload_json = json_remove(payload_json, '$.pinCode')
WHERE json_type(payload_json, '$.pinCode') IS NOT NULL
  AND (state <> 'pending'
       OR seq <= coalesce((SELECT CAST(value AS INTEGER) FROM settings WHERE key = 'sync.from_seq'), 9223372036854775807));

UPDATE outbox SET result_json = json_remove(result_json, '$.fix.pinCode')
WHERE result_json IS NOT NULL AND json_type(result_json, '$.fix.pinCode') IS NOT NULL;
`;

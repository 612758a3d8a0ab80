/**
 * A door's report that a delivery code was used now names the door by id (the cloud checks
 * the code opens it, and names it from its own records). Uses queued before this named the
 * door by name: they get its id, so the cloud can take them.
 */
export const doorUseById = `
UPDATE outbox
SET payload_json = json_set(payload_json, '$.doorId', (SELECT d.id FROM doors d WHERE d.name = json_extract(outbox.payload_json, '$.door') ORDER BY d.id LIMIT 1))
WHERE kind = 'credential.used' AND state = 'pending' AND json_extract(payload_json, '$.doorId') IS NULL
  AND EXISTS (SELECT 1 FROM doors d WHERE d.name = json_extract(outbox.payload_json, '$.door'));
`;

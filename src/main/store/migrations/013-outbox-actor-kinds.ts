/**
 * Outbox actors get a kind (src/shared/sync/actor.ts), so nothing downstream translates a
 * role. Rows older versions queued said `{ id, name, role }`, with Porter as role 'system'
 * on the facts it reports; rows from before migration 004 said nobody. They are rewritten
 * here, pending or answered alike, so an upgraded console still sends what it queued:
 * - a staff member: `{ kind: 'staff', staffId, name }` (their proof covers the same id);
 * - Porter: `{ kind: 'system', reason }`, the reason from the fact's kind;
 * - nobody: `{ kind: 'system', reason: 'unrecorded' }` (the cloud takes facts by their kind
 *   and a kiosk console's changes as the kiosk's; it refuses anything else without a proof, as before).
 */
export const outboxActorKinds = `
UPDATE outbox SET actor_json = CASE
  WHEN actor_json IS NULL THEN json_object('kind', 'system', 'reason', 'unrecorded')
  WHEN json_extract(actor_json, '$.role') = 'system' THEN json_object('kind', 'system', 'reason',
    CASE kind WHEN 'credential.expired' THEN 'schedule_ended' WHEN 'credential.used' THEN 'door_reported_use' ELSE 'unrecorded' END)
  ELSE json_object('kind', 'staff', 'staffId', json_extract(actor_json, '$.id'), 'name', coalesce(json_extract(actor_json, '$.name'), json_extract(actor_json, '$.id')))
END
WHERE actor_json IS NULL OR json_extract(actor_json, '$.kind') IS NULL;
`;

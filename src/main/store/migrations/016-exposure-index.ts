/**
 * Revocation exposure (issue 16): "which doors still hold an ended credential" walks a pending
 * door's rows removed after it was last programmed. Without this index an entrance's rows
 * (every unit's credentials, with years of history) are read whole for each pending entrance.
 * It covers what the query reads (added_at, credential_id), so the rows themselves are not visited.
 * It widens 015's index of the same name, whose (door_id, removed_at) prefix slot capacity
 * counts through still holds.
 */
export const exposureIndex = `
DROP INDEX door_credentials_removed;
CREATE INDEX door_credentials_removed ON door_credentials(door_id, removed_at, added_at, credential_id) WHERE removed_at IS NOT NULL;
`;

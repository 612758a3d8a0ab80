/**
 * Revocation exposure (issue 16): "which doors still hold an ended credential" walks a pending
 * door's rows removed after it was last programmed. Without this index an entrance's rows
 * (every unit's credentials, with years of history) are read whole for each pending entrance.
 */
export const exposureIndex = `
CREATE INDEX door_credentials_removed ON door_credentials(door_id, removed_at) WHERE removed_at IS NOT NULL;
`;

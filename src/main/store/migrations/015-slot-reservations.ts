/**
 * Slots kept for staff and emergency codes (issue 16, "Slot capacity"): per lock model, the
 * number of a door's top slots that guest grants never take. A table of its own rather than a
 * column on lock_models, so a community file loaded again does not reset what an admin chose;
 * who changed it and when is kept here and in the audit log.
 */
export const slotReservations = `
CREATE TABLE slot_reservations (
  lock_model_id TEXT PRIMARY KEY REFERENCES lock_models(id),
  reserved INTEGER NOT NULL CHECK (reserved >= 0),
  changed_at TEXT NOT NULL,
  changed_by TEXT NOT NULL
) STRICT;
-- A door's grants and ends over the last weeks, counted from an index: a perimeter reader holds
-- tens of thousands of rows. Partial, so only statements that name added_at or a removed_at
-- past can use them and the grant's own statements keep the live-slot index.
CREATE INDEX door_credentials_added ON door_credentials(door_id, added_at) WHERE added_at IS NOT NULL;
CREATE INDEX door_credentials_removed ON door_credentials(door_id, removed_at) WHERE removed_at IS NOT NULL;
`;

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
`;

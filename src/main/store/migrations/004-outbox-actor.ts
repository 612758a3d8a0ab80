/**
 * Sync with the cloud. Each outbox row says who made the change and the audit line that
 * recorded it (the cloud checks the actor's role again; other consoles add the same line to
 * their logs) and, once answered, what the cloud said: a rejection keeps its reason and the
 * fix the cloud applied, for staff to see. Rows queued before this migration have no actor
 * (the cloud treats them as the console's own).
 */
export const outboxActor = `
ALTER TABLE outbox ADD COLUMN actor_json TEXT;
ALTER TABLE outbox ADD COLUMN audit_json TEXT;
ALTER TABLE outbox ADD COLUMN answered_at TEXT;
ALTER TABLE outbox ADD COLUMN result_json TEXT;
`;

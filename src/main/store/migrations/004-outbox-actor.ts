/**
 * Each outbox row says who made the change and the audit line that recorded it: the cloud
 * checks the actor's role again, and other consoles add the same line to their logs.
 * Rows queued before this migration have neither (the cloud treats them as the console's).
 */
export const outboxActor = `
ALTER TABLE outbox ADD COLUMN actor_json TEXT;
ALTER TABLE outbox ADD COLUMN audit_json TEXT;
`;

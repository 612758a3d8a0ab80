import type { Guidelines } from '../../../shared/domain';
import type { ChangeInput, CloudTx, CommunityRecord, CredentialRecord, DoorRecord, EndReason, MutationResultRecord, NewCredentialRecord, NewText, StaffKeyRecord, StaffRecord, UnitRecord } from '../cloud-store';
import { query, row, rows } from './postgres-database';
import { PostgresPinLeases } from './postgres-pin-leases';
import { json, toCommunity, toCredential, toDoor, toMutationResult, type CommunityRow, type CredentialRow, type DoorRow, type MutationResultRow } from './postgres-rows';
import { kioskStaff, staffKey } from './postgres-staff-identity';

/** A credential holds a door while it has not ended and its schedule is not over ($n: now). */
const live = (now: string) => `c.ended_at IS NULL AND (c.ends_at IS NULL OR c.ends_at > ${now}::text)`;

const selectDoor = `SELECT d.id, d.name, d.kind, d.unit_id, d.building_id,
  m.id AS model_id, m.maker AS model_maker, m.name AS model_name, m.role AS model_role, m.capabilities
  FROM doors d JOIN lock_models m ON m.id = d.lock_model_id`;

/** The in-order rule broken at the database: another instance applied a later seq of this console first. */
export class SeqNotAfter extends Error {}

/**
 * The CloudTx of the PostgreSQL store: statements on the transaction's one connection, inside
 * the BEGIN ... COMMIT (and the community's write lock) the store took.
 */
export class PostgresCloudTx extends PostgresPinLeases implements CloudTx {
  /** Whether this transaction appended to the change log: then it notifies other instances at commit. */
  appended = false;

  async community(): Promise<CommunityRecord> {
    return toCommunity((await row<CommunityRow>(this.db, 'SELECT id, name, time_zone, phone_region, access_system, guidelines FROM community'))!);
  }

  async setGuidelines(guidelines: Guidelines): Promise<void> {
    await query(this.db, 'UPDATE community SET guidelines = $1', [json(guidelines)]);
  }

  staffMember(id: string): Promise<StaffRecord | null> {
    return row<StaffRecord>(this.db, 'SELECT id, name, role FROM staff WHERE id = $1', [id]);
  }

  kioskStaff(): Promise<StaffRecord | null> {
    return kioskStaff(this.db);
  }

  staffKey(keyId: string): Promise<StaffKeyRecord | null> {
    return staffKey(this.db, keyId);
  }

  unit(id: string): Promise<UnitRecord | null> {
    return row<UnitRecord>(this.db, 'SELECT u.id, u.number, u.building_id AS "buildingId", b.name AS "buildingName" FROM units u JOIN buildings b ON b.id = u.building_id WHERE u.id = $1', [id]);
  }

  async doors(ids: readonly string[]): Promise<DoorRecord[]> {
    return (await rows<DoorRow>(this.db, `${selectDoor} WHERE d.id = ANY($1::text[])`, [ids])).map(toDoor);
  }

  async credential(id: string): Promise<CredentialRecord | null> {
    const r = await row<CredentialRow>(this.db, 'SELECT * FROM credentials WHERE id = $1', [id]);
    if (!r) return null;
    const doors = await rows<CredentialRecord['doors'][number]>(this.db, 'SELECT door_id AS "doorId", slot FROM door_credentials WHERE credential_id = $1 ORDER BY position', [id]);
    return toCredential(r, doors);
  }

  async insertCredential(c: NewCredentialRecord): Promise<void> {
    await query(
      this.db,
      `INSERT INTO credentials (id, unit_id, kind, audience, schedule, guest, pin_code, ble_pass, ends_at, origin_console_id, granted_role, granted_at, replaces)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [c.id, c.unitId, c.kind, c.audience, json(c.schedule), json(c.guest), c.pinCode, c.blePass, c.endsAt, c.originConsoleId, c.grantedRole, c.grantedAt, c.replaces],
    );
    // One statement for all of the credential's doors, in the order the grant named them.
    await query(
      this.db,
      'INSERT INTO door_credentials (door_id, credential_id, slot, position) SELECT d, $1, s, p FROM unnest($2::text[], $3::int[]) WITH ORDINALITY AS t(d, s, p)',
      [c.id, c.doors.map((d) => d.doorId), c.doors.map((d) => d.slot)],
    );
  }

  async endCredential(id: string, end: { reason: EndReason; by: string; at: string }): Promise<void> {
    await query(this.db, 'UPDATE credentials SET ended_at = $1, end_reason = $2, ended_by = $3 WHERE id = $4 AND ended_at IS NULL', [end.at, end.reason, end.by, id]);
  }

  async liveCredentialInSlot(doorId: string, slot: number, now: string): Promise<string | null> {
    const sql = `SELECT c.id FROM door_credentials dc JOIN credentials c ON c.id = dc.credential_id WHERE dc.door_id = $1 AND dc.slot = $2 AND ${live('$3')} LIMIT 1`;
    return (await row<{ id: string }>(this.db, sql, [doorId, slot, now]))?.id ?? null;
  }

  async liveSlots(doorId: string, now: string): Promise<number[]> {
    const sql = `SELECT dc.slot FROM door_credentials dc JOIN credentials c ON c.id = dc.credential_id WHERE dc.door_id = $1 AND ${live('$2')}`;
    return (await rows<{ slot: number }>(this.db, sql, [doorId, now])).map((r) => r.slot);
  }

  async mutationResult(mutationId: string): Promise<MutationResultRecord | null> {
    const r = await row<MutationResultRow>(this.db, 'SELECT * FROM mutation_results WHERE mutation_id = $1', [mutationId]);
    return r ? toMutationResult(r) : null;
  }

  async recordMutationResult(r: MutationResultRecord): Promise<void> {
    // The console's row lock until commit: a second instance applying the same console waits, then sees the new last_seq.
    const moved = await query(this.db, 'UPDATE consoles SET last_seq = $1 WHERE id = $2 AND last_seq < $1', [r.seq, r.consoleId]);
    if (moved.rowCount !== 1) throw new SeqNotAfter(`Mutation ${r.mutationId} (seq ${r.seq}) is not after the last applied seq of console ${r.consoleId}.`);
    await query(
      this.db,
      `INSERT INTO mutation_results (mutation_id, console_id, seq, status, code, reason, fix, cursor, settled_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [r.mutationId, r.consoleId, r.seq, r.status, r.code, r.reason, json(r.fix), r.cursor, r.settledAt],
    );
  }

  async appendChange(c: ChangeInput): Promise<number> {
    const r = await row<{ cursor: number }>(
      this.db,
      'INSERT INTO changes (kind, payload, origin, mutation_id, at, applied_at, actor, audit) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING cursor',
      [c.kind, json(c.payload), c.origin, c.mutationId, c.at, c.appliedAt, json(c.actor), json(c.audit)],
    );
    this.appended = true;
    return r!.cursor;
  }

  async queueText(t: NewText): Promise<void> {
    await query(
      this.db,
      `INSERT INTO text_outbox (idempotency_key, credential_id, reason, to_number, body, next_attempt_at, queued_at) VALUES ($1, $2, $3, $4, $5, $6, $6)
       ON CONFLICT (idempotency_key) DO NOTHING`,
      [t.idempotencyKey, t.credentialId, t.reason, t.to, t.body, t.queuedAt],
    );
  }

  async markTextSent(id: number, providerMessageId: string, at: string): Promise<void> {
    await query(this.db, "UPDATE text_outbox SET state = 'sent', attempts = attempts + 1, provider_id = $1, settled_at = $2, last_error = NULL WHERE id = $3", [providerMessageId, at, id]);
  }

  async markTextRetry(id: number, error: string, nextAttemptAt: string): Promise<void> {
    await query(this.db, 'UPDATE text_outbox SET attempts = attempts + 1, last_error = $1, next_attempt_at = $2 WHERE id = $3', [error, nextAttemptAt, id]);
  }

  async markTextFailed(id: number, error: string, at: string): Promise<void> {
    await query(this.db, "UPDATE text_outbox SET state = 'failed', attempts = attempts + 1, last_error = $1, settled_at = $2 WHERE id = $3", [error, at, id]);
  }
}

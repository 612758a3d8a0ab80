import type { Guidelines } from '../../../shared/domain';
import type { ChangeInput, CloudTx, CommunityRecord, CredentialRecord, DoorRecord, DoorSlot, EndReason, MutationResultRecord, NewCredentialRecord, NewText, StaffKeyRecord, StaffRecord, UnitRecord } from '../cloud-store';
import { json, query, row, rows } from './postgres-database';
import { PostgresPinLeases } from './postgres-pin-leases';
import { toCommunity, toCredential, toDoor, toMutationResult, type CommunityRow, type CredentialRow, type DoorRow, type MutationResultRow } from '../rows';
import { kioskStaff, staffKey } from './postgres-staff-identity';

/**
 * Whether the credential of a door_credentials row `dc` holds its slot: not ended, its schedule
 * not over ($n: now). A scalar subquery, looked up by the credential's key for each row: as a
 * join, a fresh table's statistics (and the prepared statement's generic plan) let the planner
 * scan every credential of the community for each of the door's rows.
 */
const liveHolder = (now: string) =>
  `(SELECT c.ended_at IS NULL AND (c.ends_at IS NULL OR c.ends_at > ${now}::text) FROM credentials c WHERE c.community_id = dc.community_id AND c.id = dc.credential_id)`;

const selectDoor = `SELECT d.id, d.name, d.kind, d.unit_id, d.building_id,
  m.id AS model_id, m.maker AS model_maker, m.name AS model_name, m.role AS model_role, m.capabilities
  FROM doors d JOIN lock_models m ON m.community_id = d.community_id AND m.id = d.lock_model_id`;

/** The in-order rule broken at the database: another instance applied a later seq of this console first. */
export class SeqNotAfter extends Error {}

/**
 * The CloudTx of the PostgreSQL store: statements on the transaction's one connection, inside
 * the BEGIN ... COMMIT (and the community's write lock) the store took, each scoped to the
 * transaction's community (`this.communityId`).
 */
export class PostgresCloudTx extends PostgresPinLeases implements CloudTx {
  /** Whether this transaction appended to the change log: then it notifies other instances at commit. */
  appended = false;
  /**
   * Read once a transaction (a push's batch reads them for every mutation): the community's
   * row changes only by setGuidelines, in a transaction holding the community's write lock,
   * which this one holds; units are never written by a mutation.
   */
  private communityRead: Promise<CommunityRecord> | null = null;
  private readonly unitsRead = new Map<string, Promise<UnitRecord | null>>();

  /** A statement that failed aborts the whole PostgreSQL transaction: ROLLBACK TO makes it usable again. */
  async savepoint<T>(body: () => Promise<T>): Promise<T> {
    const appendedBefore = this.appended;
    await query(this.db, 'SAVEPOINT mutation');
    try {
      const result = await body();
      await query(this.db, 'RELEASE SAVEPOINT mutation');
      return result;
    } catch (error) {
      await query(this.db, 'ROLLBACK TO SAVEPOINT mutation');
      await query(this.db, 'RELEASE SAVEPOINT mutation');
      this.appended = appendedBefore;
      this.communityRead = null;
      // A read that failed in the savepoint is not kept for the mutations after it.
      this.unitsRead.clear();
      throw error;
    }
  }

  community(): Promise<CommunityRecord> {
    this.communityRead ??= row<CommunityRow>(this.db, 'SELECT id, name, time_zone, phone_region, access_system, guidelines FROM community WHERE id = $1', [this.communityId]).then((r) => toCommunity(r!));
    return this.communityRead;
  }

  async setGuidelines(guidelines: Guidelines): Promise<void> {
    this.communityRead = null;
    await query(this.db, 'UPDATE community SET guidelines = $1 WHERE id = $2', [json(guidelines), this.communityId]);
  }

  staffMember(id: string): Promise<StaffRecord | null> {
    return row<StaffRecord>(this.db, 'SELECT id, name, role FROM staff WHERE community_id = $2 AND id = $1', [id, this.communityId]);
  }

  kioskStaff(): Promise<StaffRecord | null> {
    return kioskStaff(this.db, this.communityId);
  }

  staffKey(keyId: string): Promise<StaffKeyRecord | null> {
    return staffKey(this.db, this.communityId, keyId);
  }

  unit(id: string): Promise<UnitRecord | null> {
    let read = this.unitsRead.get(id);
    if (!read) this.unitsRead.set(id, (read = this.readUnit(id)));
    return read;
  }

  private readUnit(id: string): Promise<UnitRecord | null> {
    return row<UnitRecord>(this.db, 'SELECT u.id, u.number, u.building_id AS "buildingId", b.name AS "buildingName" FROM units u JOIN buildings b ON b.community_id = u.community_id AND b.id = u.building_id WHERE u.community_id = $2 AND u.id = $1', [id, this.communityId]);
  }

  async doors(ids: readonly string[]): Promise<DoorRecord[]> {
    return (await rows<DoorRow>(this.db, `${selectDoor} WHERE d.community_id = $2 AND d.id = ANY($1::text[])`, [ids, this.communityId])).map(toDoor);
  }

  /** The credential and its doors, in the order the grant named them, in one round trip. */
  async credential(id: string): Promise<CredentialRecord | null> {
    const r = await row<CredentialRow & { door_slots: CredentialRecord['doors'] }>(
      this.db,
      `SELECT c.*, COALESCE((SELECT json_agg(json_build_object('doorId', dc.door_id, 'slot', dc.slot) ORDER BY dc.position) FROM door_credentials dc
         WHERE dc.community_id = c.community_id AND dc.credential_id = c.id), '[]'::json) AS door_slots
       FROM credentials c WHERE c.community_id = $2 AND c.id = $1`,
      [id, this.communityId],
    );
    return r ? toCredential(r, r.door_slots) : null;
  }

  async insertCredential(c: NewCredentialRecord): Promise<void> {
    await query(
      this.db,
      `INSERT INTO credentials (community_id, id, unit_id, kind, audience, schedule, guest, pin_code, ble_pass, ends_at, origin_console_id, granted_role, granted_at, replaces)
       VALUES ($14, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [c.id, c.unitId, c.kind, c.audience, json(c.schedule), json(c.guest), c.pinCode, c.blePass, c.endsAt, c.originConsoleId, c.grantedRole, c.grantedAt, c.replaces, this.communityId],
    );
    // One statement for all of the credential's doors, in the order the grant named them.
    await query(
      this.db,
      'INSERT INTO door_credentials (community_id, door_id, credential_id, slot, position) SELECT $4, d, $1, s, p FROM unnest($2::text[], $3::int[]) WITH ORDINALITY AS t(d, s, p)',
      [c.id, c.doors.map((d) => d.doorId), c.doors.map((d) => d.slot), this.communityId],
    );
  }

  async endCredential(id: string, end: { reason: EndReason; by: string; at: string }): Promise<void> {
    await query(this.db, 'UPDATE credentials SET ended_at = $1, end_reason = $2, ended_by = $3 WHERE community_id = $5 AND id = $4 AND ended_at IS NULL', [end.at, end.reason, end.by, id, this.communityId]);
  }

  async liveCredentialInSlot(doorId: string, slot: number, now: string): Promise<string | null> {
    const sql = `SELECT dc.credential_id AS id FROM door_credentials dc WHERE dc.community_id = $4 AND dc.door_id = $1 AND dc.slot = $2 AND ${liveHolder('$3')} LIMIT 1`;
    return (await row<{ id: string }>(this.db, sql, [doorId, slot, now, this.communityId]))?.id ?? null;
  }

  async heldSlots(asked: readonly DoorSlot[], now: string): Promise<DoorSlot[]> {
    // LATERAL ... LIMIT 1: the door's rows looked up by its index for each slot asked, never the community's.
    const sql = `SELECT a.door_id AS "doorId", a.slot FROM unnest($1::text[], $2::int[]) AS a(door_id, slot)
      CROSS JOIN LATERAL (SELECT 1 FROM door_credentials dc WHERE dc.community_id = $4 AND dc.door_id = a.door_id AND dc.slot = a.slot AND ${liveHolder('$3')} LIMIT 1) AS held`;
    return rows<DoorSlot>(this.db, sql, [asked.map((a) => a.doorId), asked.map((a) => a.slot), now, this.communityId]);
  }

  async liveSlots(doorId: string, now: string): Promise<number[]> {
    const sql = `SELECT dc.slot FROM door_credentials dc WHERE dc.community_id = $3 AND dc.door_id = $1 AND ${liveHolder('$2')}`;
    return (await rows<{ slot: number }>(this.db, sql, [doorId, now, this.communityId])).map((r) => r.slot);
  }

  async mutationResult(mutationId: string): Promise<MutationResultRecord | null> {
    const r = await row<MutationResultRow>(this.db, 'SELECT * FROM mutation_results WHERE community_id = $2 AND mutation_id = $1', [mutationId, this.communityId]);
    return r ? toMutationResult(r) : null;
  }

  async recordMutationResult(r: MutationResultRecord): Promise<void> {
    // The console's row lock until commit: a second instance applying the same console waits, then sees the new last_seq.
    // One statement (one round trip, inside the community's write lock): the answer is recorded only if the seq moved.
    const recorded = await query(
      this.db,
      `WITH moved AS (UPDATE consoles SET last_seq = $3 WHERE community_id = $10 AND id = $2 AND last_seq < $3 RETURNING id)
       INSERT INTO mutation_results (community_id, mutation_id, console_id, seq, status, code, reason, fix, cursor, settled_at)
       SELECT $10, $1, $2, $3, $4, $5, $6, $7, $8, $9 FROM moved`,
      [r.mutationId, r.consoleId, r.seq, r.status, r.code, r.reason, json(r.fix), r.cursor, r.settledAt, this.communityId],
    );
    if (recorded.rowCount !== 1) throw new SeqNotAfter(`Mutation ${r.mutationId} (seq ${r.seq}) is not after the last applied seq of console ${r.consoleId}.`);
  }

  async appendChange(c: ChangeInput): Promise<number> {
    const r = await row<{ cursor: number }>(
      this.db,
      'INSERT INTO changes (community_id, kind, payload, origin, mutation_id, at, applied_at, actor, audit) VALUES ($9, $1, $2, $3, $4, $5, $6, $7, $8) RETURNING cursor',
      [c.kind, json(c.payload), c.origin, c.mutationId, c.at, c.appliedAt, json(c.actor), json(c.audit), this.communityId],
    );
    this.appended = true;
    return r!.cursor;
  }

  async queueText(t: NewText): Promise<void> {
    await query(
      this.db,
      `INSERT INTO text_outbox (community_id, idempotency_key, credential_id, reason, to_number, body, next_attempt_at, queued_at, link_token_hash) VALUES ($7, $1, $2, $3, $4, $5, $6, $6, $8)
       ON CONFLICT (community_id, idempotency_key) DO NOTHING`,
      [t.idempotencyKey, t.credentialId, t.reason, t.to, t.body, t.queuedAt, this.communityId, t.linkTokenHash],
    );
  }

  /** Guarded by the claim: an instance whose claim was taken over settles nothing (no second text_status change). */
  async markTextSent(id: number, claimant: string, providerMessageId: string, at: string): Promise<boolean> {
    const done = await query(
      this.db,
      "UPDATE text_outbox SET state = 'sent', attempts = attempts + 1, provider_id = $1, settled_at = $2, last_error = NULL WHERE community_id = $5 AND id = $3 AND state = 'pending' AND claimed_by = $4",
      [providerMessageId, at, id, claimant, this.communityId],
    );
    return done.rowCount === 1;
  }

  async markTextRetry(id: number, claimant: string, error: string, nextAttemptAt: string): Promise<boolean> {
    const done = await query(
      this.db,
      "UPDATE text_outbox SET attempts = attempts + 1, last_error = $1, next_attempt_at = $2, claimed_by = NULL, claimed_until = NULL WHERE community_id = $5 AND id = $3 AND state = 'pending' AND claimed_by = $4",
      [error, nextAttemptAt, id, claimant, this.communityId],
    );
    return done.rowCount === 1;
  }

  async markTextFailed(id: number, claimant: string, error: string, at: string): Promise<boolean> {
    const done = await query(
      this.db,
      "UPDATE text_outbox SET state = 'failed', attempts = attempts + 1, last_error = $1, settled_at = $2 WHERE community_id = $5 AND id = $3 AND state = 'pending' AND claimed_by = $4",
      [error, at, id, claimant, this.communityId],
    );
    return done.rowCount === 1;
  }
}

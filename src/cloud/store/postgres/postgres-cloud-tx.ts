import type pg from 'pg';
import type { Guidelines } from '../../../shared/domain';
import type { ApprovalDecision, ApprovalRecord, ChangeInput, CloudTx, NewApprovalRecord, CommunityRecord, CredentialRecord, DoorRecord, DoorSlot, EndReason, MutationResultRecord, NewCredentialRecord, NewText, StaffKeyRecord, StaffRecord, UnitRecord } from '../cloud-store';
import { json } from './postgres-database';
import { ChangeCursors } from './postgres-change-cursors';
import { PostgresPinLeases } from './postgres-pin-leases';
import { approvalColumns, toApproval, toCommunity, toCredential, toDoor, toMutationResult, toStaffKey, type ApprovalRow, type CommunityRow, type CredentialRow, type DoorRow, type MutationResultRow, type StaffKeyRow } from '../rows';
import { kioskStaffSql, staffKeySql, staffMemberSql } from './postgres-staff-identity';
import type { Owed, TxStatements } from './postgres-tx-statements';

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
 * The CloudTx of the PostgreSQL store: statements on the transaction's one connection (see
 * TxStatements: writes whose answer is not needed at once are sent without waiting, and the
 * community's write lock is taken at the first statement that needs it), each scoped to the
 * transaction's community (`this.communityId`).
 */
export class PostgresCloudTx extends PostgresPinLeases implements CloudTx {
  /** Whether this transaction appended to the change log: then it notifies other instances at commit. */
  appended = false;
  /**
   * Read once a transaction (a push's batch reads them for every mutation). The community's
   * row changes only by setGuidelines, under the community's write lock, which its read takes.
   * Units, doors and staff members are never written once a community is added; a console's
   * staff key may be revoked meanwhile (revokeConsole does not wait for pushes), and a batch
   * already under way keeps the key it started with, as if the revocation came after it.
   */
  private communityRead: Promise<CommunityRecord> | null = null;
  private readonly unitsRead = new Map<string, Promise<UnitRecord | null>>();
  private readonly doorsRead = new Map<string, DoorRecord | null>();
  private readonly staffRead = new Map<string, Promise<StaffRecord | null>>();
  private readonly keysRead = new Map<string, Promise<StaffKeyRecord | null>>();

  private readonly cursors: ChangeCursors;

  constructor(statements: TxStatements, communityId: string) {
    super(statements, communityId);
    this.cursors = new ChangeCursors(statements);
  }

  /** Savepoints open: a write outside one is answered before its call returns, as any statement was. */
  private savepoints = 0;

  private async write(statement: Owed): Promise<void> {
    this.statements.write(statement);
    if (this.savepoints === 0) await this.statements.answered();
  }

  private async row<R extends pg.QueryResultRow>(text: string, values: unknown[], locked = true): Promise<R | null> {
    return (await this.rows<R>(text, values, locked))[0] ?? null;
  }

  /**
   * SAVEPOINT and RELEASE ride along with the statements next to them. Before RELEASE, every
   * write of the body is answered: one that failed (or a guarded one that changed nothing)
   * is the body's failure, rolled back here, never the next mutation's.
   */
  async savepoint<T>(body: () => Promise<T>): Promise<T> {
    const appendedBefore = this.appended;
    this.statements.owe({ text: 'SAVEPOINT mutation' });
    this.savepoints++;
    try {
      const result = await body();
      this.statements.owe({ text: 'RELEASE SAVEPOINT mutation' });
      await this.statements.answered();
      return result;
    } catch (error) {
      await this.statements.answered().catch(() => undefined);
      this.statements.recovered();
      await this.statements.ask('ROLLBACK TO SAVEPOINT mutation', [], false);
      this.statements.owe({ text: 'RELEASE SAVEPOINT mutation' });
      this.appended = appendedBefore;
      this.communityRead = null;
      // A read that failed in the savepoint is not kept for the mutations after it.
      this.unitsRead.clear();
      this.staffRead.clear();
      this.keysRead.clear();
      throw error;
    } finally {
      this.savepoints--;
    }
  }

  community(): Promise<CommunityRecord> {
    this.communityRead ??= this.row<CommunityRow>('SELECT id, name, time_zone, phone_region, access_system, guidelines FROM community WHERE id = $1', [this.communityId]).then((r) => toCommunity(r!));
    return this.communityRead;
  }

  async setGuidelines(guidelines: Guidelines): Promise<void> {
    this.communityRead = null;
    await this.write({ text: 'UPDATE community SET guidelines = $1 WHERE id = $2', values: [json(guidelines), this.communityId] });
  }

  staffMember(id: string): Promise<StaffRecord | null> {
    let read = this.staffRead.get(id);
    if (!read) this.staffRead.set(id, (read = this.row<StaffRecord>(staffMemberSql, [id, this.communityId], false)));
    return read;
  }

  kioskStaff(): Promise<StaffRecord | null> {
    return this.row<StaffRecord>(kioskStaffSql, [this.communityId], false);
  }

  staffKey(keyId: string): Promise<StaffKeyRecord | null> {
    let read = this.keysRead.get(keyId);
    if (!read) this.keysRead.set(keyId, (read = this.row<StaffKeyRow>(staffKeySql, [keyId, this.communityId], false).then((r) => (r ? toStaffKey(r) : null))));
    return read;
  }

  unit(id: string): Promise<UnitRecord | null> {
    let read = this.unitsRead.get(id);
    if (!read) this.unitsRead.set(id, (read = this.readUnit(id)));
    return read;
  }

  private readUnit(id: string): Promise<UnitRecord | null> {
    return this.row<UnitRecord>('SELECT u.id, u.number, u.building_id AS "buildingId", b.name AS "buildingName" FROM units u JOIN buildings b ON b.community_id = u.community_id AND b.id = u.building_id WHERE u.community_id = $2 AND u.id = $1', [id, this.communityId], false);
  }

  /** Only the doors not read yet in this transaction are looked up. */
  async doors(ids: readonly string[]): Promise<DoorRecord[]> {
    const unread = [...new Set(ids.filter((id) => !this.doorsRead.has(id)))];
    if (unread.length) {
      const found = (await this.rows<DoorRow>(`${selectDoor} WHERE d.community_id = $2 AND d.id = ANY($1::text[])`, [unread, this.communityId], false)).map(toDoor);
      for (const id of unread) this.doorsRead.set(id, found.find((d) => d.id === id) ?? null);
    }
    return [...new Set(ids)].flatMap((id) => this.doorsRead.get(id) ?? []);
  }

  /** The credential and its doors, in the order the grant named them, in one round trip. */
  async credential(id: string): Promise<CredentialRecord | null> {
    const r = await this.row<CredentialRow & { door_slots: CredentialRecord['doors'] }>(
      `SELECT c.*, COALESCE((SELECT json_agg(json_build_object('doorId', dc.door_id, 'slot', dc.slot) ORDER BY dc.position) FROM door_credentials dc
         WHERE dc.community_id = c.community_id AND dc.credential_id = c.id), '[]'::json) AS door_slots
       FROM credentials c WHERE c.community_id = $2 AND c.id = $1`,
      [id, this.communityId],
    );
    return r ? toCredential(r, r.door_slots) : null;
  }

  /** Sent with what follows: the statements after it see it, the savepoint's end checks it. */
  async insertCredential(c: NewCredentialRecord): Promise<void> {
    await this.write({
      text: `INSERT INTO credentials (community_id, id, unit_id, kind, audience, schedule, guest, pin_code, ble_pass, ends_at, origin_console_id, granted_role, granted_at, replaces, visit_id)
       VALUES ($14, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $15)`,
      values: [c.id, c.unitId, c.kind, c.audience, json(c.schedule), json(c.guest), c.pinCode, c.blePass, c.endsAt, c.originConsoleId, c.grantedRole, c.grantedAt, c.replaces, this.communityId, c.visitId],
    });
    // One statement for all of the credential's doors, in the order the grant named them.
    await this.write({
      text: 'INSERT INTO door_credentials (community_id, door_id, credential_id, slot, position) SELECT $4, d, $1, s, p FROM unnest($2::text[], $3::int[]) WITH ORDINALITY AS t(d, s, p)',
      values: [c.id, c.doors.map((d) => d.doorId), c.doors.map((d) => d.slot), this.communityId],
    });
  }

  async visitCredentials(visitId: string): Promise<CredentialRecord[]> {
    const rows = await this.rows<CredentialRow>('SELECT * FROM credentials WHERE community_id = $2 AND visit_id = $1', [visitId, this.communityId]);
    return rows.map((r) => toCredential(r, []));
  }

  async endCredential(id: string, end: { reason: EndReason; by: string; at: string }): Promise<void> {
    await this.write({ text: 'UPDATE credentials SET ended_at = $1, end_reason = $2, ended_by = $3 WHERE community_id = $5 AND id = $4 AND ended_at IS NULL', values: [end.at, end.reason, end.by, id, this.communityId] });
  }

  async liveCredentialInSlot(doorId: string, slot: number, now: string): Promise<string | null> {
    const sql = `SELECT dc.credential_id AS id FROM door_credentials dc WHERE dc.community_id = $4 AND dc.door_id = $1 AND dc.slot = $2 AND ${liveHolder('$3')} LIMIT 1`;
    return (await this.row<{ id: string }>(sql, [doorId, slot, now, this.communityId]))?.id ?? null;
  }

  async heldSlots(asked: readonly DoorSlot[], now: string): Promise<DoorSlot[]> {
    // LATERAL ... LIMIT 1: the door's rows looked up by its index for each slot asked, never the community's.
    const sql = `SELECT a.door_id AS "doorId", a.slot FROM unnest($1::text[], $2::int[]) AS a(door_id, slot)
      CROSS JOIN LATERAL (SELECT 1 FROM door_credentials dc WHERE dc.community_id = $4 AND dc.door_id = a.door_id AND dc.slot = a.slot AND ${liveHolder('$3')} LIMIT 1) AS held`;
    return this.rows<DoorSlot>(sql, [asked.map((a) => a.doorId), asked.map((a) => a.slot), now, this.communityId]);
  }

  async liveSlots(doorId: string, now: string): Promise<number[]> {
    const sql = `SELECT dc.slot FROM door_credentials dc WHERE dc.community_id = $3 AND dc.door_id = $1 AND ${liveHolder('$2')}`;
    return (await this.rows<{ slot: number }>(sql, [doorId, now, this.communityId])).map((r) => r.slot);
  }

  /** Read under the community's write lock: a decision on another instance waits for this one, then sees it. */
  async approval(id: string): Promise<ApprovalRecord | null> {
    const r = await this.row<ApprovalRow>(`SELECT ${approvalColumns}, request FROM vendor_approvals WHERE community_id = $2 AND id = $1`, [id, this.communityId]);
    return r ? toApproval(r) : null;
  }

  async insertApproval(a: NewApprovalRecord): Promise<void> {
    await this.write({
      text: 'INSERT INTO vendor_approvals (community_id, id, request, requested_by_id, requested_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)',
      values: [this.communityId, a.id, json(a.request), a.requestedById, a.requestedAt, a.expiresAt],
    });
  }

  async decideApproval(id: string, d: ApprovalDecision): Promise<boolean> {
    const done = await this.statements.ask(
      "UPDATE vendor_approvals SET state = $1, decided_by_id = $2, decided_by = $3, decided_at = $4, decline_reason = $5, outcome = $6 WHERE community_id = $7 AND id = $8 AND state = 'pending'",
      [d.state, d.byId, d.by, d.at, d.declineReason, d.outcome, this.communityId, id],
    );
    return done.rowCount === 1;
  }

  /** A console's answers are written only by its own pushes, which take turns (withConsoleLock): no lock needed to read them. */
  async mutationResult(mutationId: string): Promise<MutationResultRecord | null> {
    const r = await this.row<MutationResultRow>('SELECT * FROM mutation_results WHERE community_id = $2 AND mutation_id = $1', [mutationId, this.communityId], false);
    return r ? toMutationResult(r) : null;
  }

  async mutationResults(mutationIds: readonly string[]): Promise<Map<string, MutationResultRecord>> {
    const found = await this.rows<MutationResultRow>('SELECT * FROM mutation_results WHERE community_id = $2 AND mutation_id = ANY($1::text[])', [mutationIds, this.communityId], false);
    return new Map(found.map((r) => [r.mutation_id, toMutationResult(r)]));
  }

  /** One statement, sent with what follows: the answer is recorded only if the seq moved, or the savepoint's end fails. */
  async recordMutationResult(r: MutationResultRecord): Promise<void> {
    // The console's row lock until commit: a second instance applying the same console waits, then sees the new last_seq.
    await this.write({
      text: `WITH moved AS (UPDATE consoles SET last_seq = $3 WHERE community_id = $10 AND id = $2 AND last_seq < $3 RETURNING id)
       INSERT INTO mutation_results (community_id, mutation_id, console_id, seq, status, code, reason, fix, cursor, settled_at)
       SELECT $10, $1, $2, $3, $4, $5, $6, $7, $8, $9 FROM moved`,
      values: [r.mutationId, r.consoleId, r.seq, r.status, r.code, r.reason, json(r.fix), r.cursor, r.settledAt, this.communityId],
      check: (recorded) => {
        if (recorded.rowCount !== 1) throw new SeqNotAfter(`Mutation ${r.mutationId} (seq ${r.seq}) is not after the last applied seq of console ${r.consoleId}.`);
      },
    });
  }

  /** Its cursor drawn ahead (ChangeCursors): sent with what follows, never waited for on its own. */
  async appendChange(c: ChangeInput): Promise<number> {
    const cursor = await this.cursors.take();
    await this.write({
      text: 'INSERT INTO changes (cursor, community_id, kind, payload, origin, mutation_id, at, applied_at, actor, audit) OVERRIDING SYSTEM VALUE VALUES ($10, $9, $1, $2, $3, $4, $5, $6, $7, $8)',
      values: [c.kind, json(c.payload), c.origin, c.mutationId, c.at, c.appliedAt, json(c.actor), json(c.audit), this.communityId, cursor],
    });
    this.appended = true;
    return cursor;
  }

  async queueText(t: NewText): Promise<void> {
    await this.write({
      text: `INSERT INTO text_outbox (community_id, idempotency_key, credential_id, reason, to_number, body, next_attempt_at, queued_at, link_token_hash) VALUES ($7, $1, $2, $3, $4, $5, $6, $6, $8)
       ON CONFLICT (community_id, idempotency_key) DO NOTHING`,
      values: [t.idempotencyKey, t.credentialId, t.reason, t.to, t.body, t.queuedAt, this.communityId, t.linkTokenHash],
    });
  }

  /** Guarded by the claim: an instance whose claim was taken over settles nothing (no second text_status change). */
  async markTextSent(id: number, claimant: string, providerMessageId: string, at: string): Promise<boolean> {
    const done = await this.statements.ask(
      "UPDATE text_outbox SET state = 'sent', attempts = attempts + 1, provider_id = $1, settled_at = $2, last_error = NULL WHERE community_id = $5 AND id = $3 AND state = 'pending' AND claimed_by = $4",
      [providerMessageId, at, id, claimant, this.communityId],
    );
    return done.rowCount === 1;
  }

  async markTextRetry(id: number, claimant: string, error: string, nextAttemptAt: string): Promise<boolean> {
    const done = await this.statements.ask(
      "UPDATE text_outbox SET attempts = attempts + 1, last_error = $1, next_attempt_at = $2, claimed_by = NULL, claimed_until = NULL WHERE community_id = $5 AND id = $3 AND state = 'pending' AND claimed_by = $4",
      [error, nextAttemptAt, id, claimant, this.communityId],
    );
    return done.rowCount === 1;
  }

  async markTextFailed(id: number, claimant: string, error: string, at: string): Promise<boolean> {
    const done = await this.statements.ask(
      "UPDATE text_outbox SET state = 'failed', attempts = attempts + 1, last_error = $1, settled_at = $2 WHERE community_id = $5 AND id = $3 AND state = 'pending' AND claimed_by = $4",
      [error, at, id, claimant, this.communityId],
    );
    return done.rowCount === 1;
  }
}

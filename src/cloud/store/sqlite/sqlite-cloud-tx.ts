import type { Guidelines } from '../../../shared/domain';
import type { ApprovalDecision, ApprovalRecord, ChangeInput, CloudTx, NewApprovalRecord, CommunityRecord, CredentialRecord, DoorRecord, DoorSlot, EndReason, MutationResultRecord, NewCredentialRecord, NewText, StaffKeyRecord, StaffRecord, UnitRecord } from '../cloud-store';
import { kioskStaff, staffKey } from './sqlite-staff-identity';
import { approvalColumns, toApproval, toCommunity, toCredential, toDoor, toMutationResult, type ApprovalRow, type CommunityRow, type CredentialRow, type DoorRow, type MutationResultRow } from '../rows';
import { allDecoded, decoded, decodedOrNull } from './sqlite-rows';
import { SqlitePinLeases } from './sqlite-pin-leases';

/** A credential holds a door while it has not ended and its schedule is not over. */
const live = 'c.ended_at IS NULL AND (c.ends_at IS NULL OR c.ends_at > @now)';

const selectDoor = `SELECT d.id, d.name, d.kind, d.unit_id, d.building_id,
  m.id AS model_id, m.maker AS model_maker, m.name AS model_name, m.role AS model_role, m.capabilities_json
  FROM doors d JOIN lock_models m ON m.community_id = d.community_id AND m.id = d.lock_model_id`;

/**
 * The CloudTx of the SQLite store: plain statements on the one connection, inside the
 * BEGIN IMMEDIATE ... COMMIT the store opened, each scoped to the transaction's community
 * (`this.community`). Answers are promises only for the interface.
 */
export class SqliteCloudTx extends SqlitePinLeases implements CloudTx {
  async savepoint<T>(body: () => Promise<T>): Promise<T> {
    this.sql('SAVEPOINT mutation').run();
    try {
      const result = await body();
      this.sql('RELEASE mutation').run();
      return result;
    } catch (error) {
      // Back to the savepoint, then out of it: the outer transaction stays open.
      this.sql('ROLLBACK TO mutation').run();
      this.sql('RELEASE mutation').run();
      throw error;
    }
  }

  async community(): Promise<CommunityRecord> {
    return toCommunity(decoded<CommunityRow>(this.sql('SELECT * FROM community WHERE id = ?').get(this.communityId)));
  }

  async setGuidelines(guidelines: Guidelines): Promise<void> {
    this.sql('UPDATE community SET guidelines_json = ? WHERE id = ?').run(JSON.stringify(guidelines), this.communityId);
  }

  async staffMember(id: string): Promise<StaffRecord | null> {
    return (this.sql('SELECT id, name, role FROM staff WHERE community_id = ? AND id = ?').get(this.communityId, id) as StaffRecord | undefined) ?? null;
  }

  async kioskStaff(): Promise<StaffRecord | null> {
    return kioskStaff(this.sql, this.communityId);
  }

  async staffKey(keyId: string): Promise<StaffKeyRecord | null> {
    return staffKey(this.sql, this.communityId, keyId);
  }

  async unit(id: string): Promise<UnitRecord | null> {
    const row = this.sql(
      `SELECT u.id, u.number, u.building_id AS buildingId, b.name AS buildingName FROM units u JOIN buildings b ON b.community_id = u.community_id AND b.id = u.building_id
       WHERE u.community_id = ? AND u.id = ?`,
    ).get(this.communityId, id);
    return (row as UnitRecord | undefined) ?? null;
  }

  async doors(ids: readonly string[]): Promise<DoorRecord[]> {
    return allDecoded<DoorRow>(this.sql(`${selectDoor} WHERE d.community_id = ? AND d.id IN (SELECT value FROM json_each(?))`).all(this.communityId, JSON.stringify(ids))).map(toDoor);
  }

  async credential(id: string): Promise<CredentialRecord | null> {
    const row = decodedOrNull<CredentialRow>(this.sql('SELECT * FROM credentials WHERE community_id = ? AND id = ?').get(this.communityId, id));
    if (!row) return null;
    const doors = this.sql('SELECT door_id AS doorId, slot FROM door_credentials WHERE community_id = ? AND credential_id = ? ORDER BY rowid').all(this.communityId, id) as CredentialRecord['doors'];
    return toCredential(row, doors);
  }

  async insertCredential(c: NewCredentialRecord): Promise<void> {
    this.sql(
      `INSERT INTO credentials (community_id, id, unit_id, kind, audience, schedule_json, guest_json, pin_code, ble_pass, ends_at, origin_console_id, granted_role, granted_at, replaces, visit_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(this.communityId, c.id, c.unitId, c.kind, c.audience, JSON.stringify(c.schedule), JSON.stringify(c.guest), c.pinCode, c.blePass, c.endsAt, c.originConsoleId, c.grantedRole, c.grantedAt, c.replaces, c.visitId);
    const link = this.sql('INSERT INTO door_credentials (community_id, door_id, credential_id, slot) VALUES (?, ?, ?, ?)');
    for (const d of c.doors) link.run(this.communityId, d.doorId, c.id, d.slot);
  }

  async visitCredentials(visitId: string): Promise<CredentialRecord[]> {
    const rows = allDecoded<CredentialRow>(this.sql('SELECT * FROM credentials WHERE community_id = ? AND visit_id = ?').all(this.communityId, visitId));
    return rows.map((r) => toCredential(r, []));
  }

  async endCredential(id: string, end: { reason: EndReason; by: string; at: string }): Promise<void> {
    this.sql('UPDATE credentials SET ended_at = ?, end_reason = ?, ended_by = ? WHERE community_id = ? AND id = ? AND ended_at IS NULL').run(end.at, end.reason, end.by, this.communityId, id);
  }

  async liveCredentialInSlot(doorId: string, slot: number, now: string): Promise<string | null> {
    const sql = `SELECT c.id FROM door_credentials dc JOIN credentials c ON c.community_id = dc.community_id AND c.id = dc.credential_id
      WHERE dc.community_id = @community AND dc.door_id = @doorId AND dc.slot = @slot AND ${live} LIMIT 1`;
    return (this.sql(sql).pluck().get({ community: this.communityId, doorId, slot, now }) as string | undefined) ?? null;
  }

  async heldSlots(asked: readonly DoorSlot[], now: string): Promise<DoorSlot[]> {
    const held: DoorSlot[] = [];
    for (const a of asked) if ((await this.liveCredentialInSlot(a.doorId, a.slot, now)) !== null) held.push(a);
    return held;
  }

  async liveSlots(doorId: string, now: string): Promise<number[]> {
    const sql = `SELECT dc.slot FROM door_credentials dc JOIN credentials c ON c.community_id = dc.community_id AND c.id = dc.credential_id
      WHERE dc.community_id = @community AND dc.door_id = @doorId AND ${live}`;
    return this.sql(sql).pluck().all({ community: this.communityId, doorId, now }) as number[];
  }

  async approval(id: string): Promise<ApprovalRecord | null> {
    const row = decodedOrNull<ApprovalRow>(this.sql(`SELECT ${approvalColumns}, request_json FROM vendor_approvals WHERE community_id = ? AND id = ?`).get(this.communityId, id));
    return row ? toApproval(row) : null;
  }

  async insertApproval(a: NewApprovalRecord): Promise<void> {
    this.sql('INSERT INTO vendor_approvals (community_id, id, request_json, requested_by_id, requested_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)').run(
      this.communityId, a.id, JSON.stringify(a.request), a.requestedById, a.requestedAt, a.expiresAt,
    );
  }

  async decideApproval(id: string, d: ApprovalDecision): Promise<boolean> {
    const sql = "UPDATE vendor_approvals SET state = ?, decided_by_id = ?, decided_by = ?, decided_at = ?, decline_reason = ?, outcome = ? WHERE community_id = ? AND id = ? AND state = 'pending'";
    return this.sql(sql).run(d.state, d.byId, d.by, d.at, d.declineReason, d.outcome, this.communityId, id).changes === 1;
  }

  async mutationResult(mutationId: string): Promise<MutationResultRecord | null> {
    const row = decodedOrNull<MutationResultRow>(this.sql('SELECT * FROM mutation_results WHERE community_id = ? AND mutation_id = ?').get(this.communityId, mutationId));
    return row ? toMutationResult(row) : null;
  }

  async mutationResults(mutationIds: readonly string[]): Promise<Map<string, MutationResultRecord>> {
    const found = allDecoded<MutationResultRow>(this.sql('SELECT * FROM mutation_results WHERE community_id = ? AND mutation_id IN (SELECT value FROM json_each(?))').all(this.communityId, JSON.stringify(mutationIds)));
    return new Map(found.map((r) => [r.mutation_id, toMutationResult(r)]));
  }

  async recordMutationResult(r: MutationResultRecord): Promise<void> {
    const moved = this.sql('UPDATE consoles SET last_seq = ? WHERE community_id = ? AND id = ? AND last_seq < ?').run(r.seq, this.communityId, r.consoleId, r.seq);
    if (moved.changes !== 1) throw new Error(`Mutation ${r.mutationId} (seq ${r.seq}) is not after the last applied seq of console ${r.consoleId}.`);
    this.sql(
      `INSERT INTO mutation_results (community_id, mutation_id, console_id, seq, status, code, reason, fix_json, cursor, settled_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(this.communityId, r.mutationId, r.consoleId, r.seq, r.status, r.code, r.reason, r.fix === null ? null : JSON.stringify(r.fix), r.cursor, r.settledAt);
  }

  async appendChange(c: ChangeInput): Promise<number> {
    const result = this.sql(
      `INSERT INTO changes (community_id, kind, payload_json, origin, mutation_id, at, applied_at, actor_json, audit_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(this.communityId, c.kind, JSON.stringify(c.payload), c.origin, c.mutationId, c.at, c.appliedAt, c.actor === null ? null : JSON.stringify(c.actor), JSON.stringify(c.audit));
    return Number(result.lastInsertRowid);
  }

  async queueText(t: NewText): Promise<void> {
    this.sql(
      `INSERT INTO text_outbox (community_id, idempotency_key, credential_id, reason, to_number, body, next_attempt_at, queued_at, link_token_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (community_id, idempotency_key) DO NOTHING`,
    ).run(this.communityId, t.idempotencyKey, t.credentialId, t.reason, t.to, t.body, t.queuedAt, t.queuedAt, t.linkTokenHash);
  }

  // One process sends from the file: the claimant is always this one, and `pending` alone guards.
  async markTextSent(id: number, _claimant: string, providerMessageId: string, at: string): Promise<boolean> {
    const sql = "UPDATE text_outbox SET state = 'sent', attempts = attempts + 1, provider_id = ?, settled_at = ?, last_error = NULL WHERE community_id = ? AND id = ? AND state = 'pending'";
    return this.sql(sql).run(providerMessageId, at, this.communityId, id).changes === 1;
  }

  async markTextRetry(id: number, _claimant: string, error: string, nextAttemptAt: string): Promise<boolean> {
    const sql = "UPDATE text_outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE community_id = ? AND id = ? AND state = 'pending'";
    return this.sql(sql).run(error, nextAttemptAt, this.communityId, id).changes === 1;
  }

  async markTextFailed(id: number, _claimant: string, error: string, at: string): Promise<boolean> {
    const sql = "UPDATE text_outbox SET state = 'failed', attempts = attempts + 1, last_error = ?, settled_at = ? WHERE community_id = ? AND id = ? AND state = 'pending'";
    return this.sql(sql).run(error, at, this.communityId, id).changes === 1;
  }
}

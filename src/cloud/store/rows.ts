import type { LockModel } from '../../shared/domain';
import type { ApprovalRecord, AuditAnchor, Change, CommunityRecord, ConsoleRecord, CredentialRecord, DoorRecord, MutationResultRecord, QueuedText, StaffKeyRecord } from './cloud-store';

/*
 * The cloud's rows as both stores read them, and the records the rest of the cloud gets:
 * columns by their names in the schema, a JSON value parsed, a flag a boolean. PostgreSQL
 * answers rows so (json columns, booleans, and the pool's bigint and timestamptz parsers:
 * postgres-database.ts); SQLite's are decoded to them first (sqlite/sqlite-rows.ts). The
 * mapping from row to record is written once, here.
 */

export interface CommunityRow {
  id: string;
  name: string;
  time_zone: string;
  phone_region: string;
  access_system: CommunityRecord['accessSystem'];
  guidelines: CommunityRecord['guidelines'];
}

export const toCommunity = (r: CommunityRow): CommunityRecord => ({ id: r.id, name: r.name, timeZone: r.time_zone, phoneRegion: r.phone_region, accessSystem: r.access_system, guidelines: r.guidelines });

export interface ConsoleRow {
  id: string;
  community_id: string;
  name: string;
  kiosk: boolean;
  paired_at: string;
}

export const toConsole = (r: ConsoleRow): ConsoleRecord => ({ id: r.id, communityId: r.community_id, name: r.name, kiosk: r.kiosk, pairedAt: r.paired_at });

export interface LockModelRow {
  id: string;
  maker: string;
  name: string;
  role: LockModel['role'];
  capabilities: LockModel['capabilities'];
}

export const toLockModel = (r: LockModelRow): LockModel => ({ id: r.id, maker: r.maker, name: r.name, role: r.role, capabilities: r.capabilities });

export interface DoorRow {
  id: string;
  name: string;
  kind: DoorRecord['kind'];
  unit_id: string | null;
  building_id: string | null;
  model_id: string;
  model_maker: string;
  model_name: string;
  model_role: LockModel['role'];
  capabilities: LockModel['capabilities'];
}

export function toDoor(r: DoorRow): DoorRecord {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    unitId: r.unit_id,
    buildingId: r.building_id,
    lockModel: toLockModel({ id: r.model_id, maker: r.model_maker, name: r.model_name, role: r.model_role, capabilities: r.capabilities }),
  };
}

export interface CredentialRow {
  id: string;
  unit_id: string;
  kind: CredentialRecord['kind'];
  audience: CredentialRecord['audience'];
  schedule: CredentialRecord['schedule'];
  guest: CredentialRecord['guest'];
  pin_code: string | null;
  ble_pass: string | null;
  ends_at: string | null;
  origin_console_id: string;
  granted_role: CredentialRecord['grantedRole'];
  granted_at: string;
  replaces: string | null;
  visit_id: string | null;
  ended_at: string | null;
  end_reason: CredentialRecord['endReason'];
  ended_by: string | null;
}

export function toCredential(r: CredentialRow, doors: CredentialRecord['doors']): CredentialRecord {
  return {
    id: r.id,
    unitId: r.unit_id,
    kind: r.kind,
    audience: r.audience,
    schedule: r.schedule,
    guest: r.guest,
    pinCode: r.pin_code,
    blePass: r.ble_pass,
    endsAt: r.ends_at,
    originConsoleId: r.origin_console_id,
    grantedRole: r.granted_role,
    grantedAt: r.granted_at,
    replaces: r.replaces,
    visitId: r.visit_id,
    endedAt: r.ended_at,
    endReason: r.end_reason,
    endedBy: r.ended_by,
    doors,
  };
}

export interface MutationResultRow {
  mutation_id: string;
  console_id: string;
  seq: number;
  status: 'accepted' | 'rejected';
  code: string | null;
  reason: string | null;
  fix: Record<string, unknown> | null;
  cursor: number | null;
  settled_at: string;
}

export function toMutationResult(r: MutationResultRow): MutationResultRecord {
  return { mutationId: r.mutation_id, consoleId: r.console_id, seq: r.seq, status: r.status, code: r.code, reason: r.reason, fix: r.fix, cursor: r.cursor, settledAt: r.settled_at };
}

export interface ChangeRow {
  cursor: number;
  kind: string;
  payload: Record<string, unknown>;
  origin: string;
  mutation_id: string | null;
  at: string;
  applied_at: string;
  actor: Change['actor'];
  audit: Change['audit'];
}

export function toChange(r: ChangeRow): Change {
  return { cursor: r.cursor, kind: r.kind, payload: r.payload, origin: r.origin, mutationId: r.mutation_id, at: r.at, appliedAt: r.applied_at, actor: r.actor, audit: r.audit };
}

export interface TextRow {
  id: number;
  community_id: string;
  idempotency_key: string;
  credential_id: string;
  reason: QueuedText['reason'];
  to_number: string;
  body: string;
  attempts: number;
  queued_at: string;
}

export function toQueuedText(r: TextRow): QueuedText {
  return { id: r.id, communityId: r.community_id, idempotencyKey: r.idempotency_key, credentialId: r.credential_id, reason: r.reason, to: r.to_number, body: r.body, attempts: r.attempts, queuedAt: r.queued_at };
}

export interface AnchorRow {
  seq: number;
  hash: string;
  received_at: string;
}

export const toAnchor = (r: AnchorRow): AuditAnchor => ({ seq: r.seq, hash: r.hash, receivedAt: r.received_at });

export interface StaffKeyRow {
  key_id: string;
  console_id: string;
  staff_id: string;
  secret: string;
  issued_at: string;
}

export const toStaffKey = (r: StaffKeyRow): StaffKeyRecord => ({ keyId: r.key_id, consoleId: r.console_id, staffId: r.staff_id, secret: r.secret, issuedAt: r.issued_at });

/** A try at a limited thing (attempt_limits). */
export interface AttemptRow {
  failures: number;
  blocked_until: string;
  last_at: string;
}

export interface ApprovalRow {
  id: string;
  request: { grant: { guest: { name: string } } };
  requested_by_id: string;
  requested_at: string;
  expires_at: string;
  state: ApprovalRecord['state'];
  decided_by_id: string | null;
  decided_by: string | null;
  decided_at: string | null;
}

export const toApproval = (r: ApprovalRow): ApprovalRecord => ({
  id: r.id, guestName: r.request.grant.guest.name, requestedById: r.requested_by_id, requestedAt: r.requested_at, expiresAt: r.expires_at, state: r.state, decidedById: r.decided_by_id, decidedBy: r.decided_by, decidedAt: r.decided_at,
});

/** The columns toApproval reads, but the request (SQLite's `request_json`, PostgreSQL's `request`). */
export const approvalColumns = 'id, requested_by_id, requested_at, expires_at, state, decided_by_id, decided_by, decided_at';

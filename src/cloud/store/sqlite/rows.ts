import type { Change, CommunityRecord, ConsoleRecord, CredentialRecord, DoorRecord, MutationResultRecord, QueuedText } from '../cloud-store';

/* Rows as SQLite answers them, and the records the rest of the cloud reads. */

export interface CommunityRow {
  id: string;
  name: string;
  time_zone: string;
  phone_region: string;
  access_system_json: string;
  guidelines_json: string;
}

export function toCommunity(r: CommunityRow): CommunityRecord {
  return { id: r.id, name: r.name, timeZone: r.time_zone, phoneRegion: r.phone_region, accessSystem: JSON.parse(r.access_system_json), guidelines: JSON.parse(r.guidelines_json) };
}

export interface ConsoleRow {
  id: string;
  community_id: string;
  name: string;
  kiosk: number;
  paired_at: string;
}

export function toConsole(r: ConsoleRow): ConsoleRecord {
  return { id: r.id, communityId: r.community_id, name: r.name, kiosk: r.kiosk === 1, pairedAt: r.paired_at };
}

export interface DoorRow {
  id: string;
  name: string;
  kind: DoorRecord['kind'];
  unit_id: string | null;
  building_id: string | null;
  model_id: string;
  model_maker: string;
  model_name: string;
  model_role: 'unit_lock' | 'reader';
  capabilities_json: string;
}

export function toDoor(r: DoorRow): DoorRecord {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    unitId: r.unit_id,
    buildingId: r.building_id,
    lockModel: { id: r.model_id, maker: r.model_maker, name: r.model_name, role: r.model_role, capabilities: JSON.parse(r.capabilities_json) },
  };
}

export interface CredentialRow {
  id: string;
  unit_id: string;
  kind: CredentialRecord['kind'];
  audience: CredentialRecord['audience'];
  schedule_json: string;
  guest_json: string;
  pin_code: string | null;
  ble_pass: string | null;
  ends_at: string | null;
  origin_console_id: string;
  granted_role: CredentialRecord['grantedRole'];
  granted_at: string;
  replaces: string | null;
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
    schedule: JSON.parse(r.schedule_json),
    guest: JSON.parse(r.guest_json),
    pinCode: r.pin_code,
    blePass: r.ble_pass,
    endsAt: r.ends_at,
    originConsoleId: r.origin_console_id,
    grantedRole: r.granted_role,
    grantedAt: r.granted_at,
    replaces: r.replaces,
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
  fix_json: string | null;
  cursor: number | null;
  settled_at: string;
}

export function toMutationResult(r: MutationResultRow): MutationResultRecord {
  return {
    mutationId: r.mutation_id,
    consoleId: r.console_id,
    seq: r.seq,
    status: r.status,
    code: r.code,
    reason: r.reason,
    fix: r.fix_json === null ? null : JSON.parse(r.fix_json),
    cursor: r.cursor,
    settledAt: r.settled_at,
  };
}

export interface ChangeRow {
  cursor: number;
  kind: string;
  payload_json: string;
  origin: string;
  mutation_id: string | null;
  at: string;
  applied_at: string;
  actor_json: string | null;
  audit_json: string;
}

export function toChange(r: ChangeRow): Change {
  return {
    cursor: r.cursor,
    kind: r.kind,
    payload: JSON.parse(r.payload_json),
    origin: r.origin,
    mutationId: r.mutation_id,
    at: r.at,
    appliedAt: r.applied_at,
    actor: r.actor_json === null ? null : JSON.parse(r.actor_json),
    audit: JSON.parse(r.audit_json),
  };
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

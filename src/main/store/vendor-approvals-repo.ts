import type { ApprovalState, VendorApproval } from '../../shared/domain';
import type { Db } from './database';
import { statement } from './statement';

/** A request as stored: the view's fields, and the grant as asked (the form's request, parsed). */
export interface ApprovalRecord {
  id: string;
  requestId: string;
  scope: 'unit' | 'units';
  grant: unknown;
  what: string;
  unitLabels: string[];
  scheduleText: string;
  phone: string;
  reason: string;
  requestedById: string;
  requestedBy: string;
  requestedAt: string;
  expiresAt: string;
  state: ApprovalState;
  decidedBy: string | null;
  decidedAt: string | null;
  declineReason: string | null;
  outcome: string | null;
}

interface Row {
  id: string;
  request_id: string;
  scope: 'unit' | 'units';
  grant_json: string;
  what: string;
  unit_labels_json: string;
  schedule_text: string;
  phone: string;
  reason: string;
  requested_by_id: string;
  requested_by: string;
  requested_at: string;
  expires_at: string;
  state: ApprovalState;
  decided_by: string | null;
  decided_at: string | null;
  decline_reason: string | null;
  outcome: string | null;
}

function toRecord(r: Row): ApprovalRecord {
  return {
    id: r.id, requestId: r.request_id, scope: r.scope, grant: JSON.parse(r.grant_json), what: r.what, unitLabels: JSON.parse(r.unit_labels_json) as string[],
    scheduleText: r.schedule_text, phone: r.phone, reason: r.reason, requestedById: r.requested_by_id, requestedBy: r.requested_by, requestedAt: r.requested_at,
    expiresAt: r.expires_at, state: r.state, decidedBy: r.decided_by, decidedAt: r.decided_at, declineReason: r.decline_reason, outcome: r.outcome,
  };
}

const insert = statement<[Row]>(`INSERT INTO vendor_approvals (id, request_id, scope, grant_json, what, unit_labels_json, schedule_text, phone, reason,
  requested_by_id, requested_by, requested_at, expires_at, state, decided_by, decided_at, decline_reason, outcome)
  VALUES (@id, @request_id, @scope, @grant_json, @what, @unit_labels_json, @schedule_text, @phone, @reason,
  @requested_by_id, @requested_by, @requested_at, @expires_at, @state, @decided_by, @decided_at, @decline_reason, @outcome)`);
const byId = statement<[id: string], Row>('SELECT * FROM vendor_approvals WHERE id = ?');
const byRequestId = statement<[requestId: string], Row>('SELECT * FROM vendor_approvals WHERE request_id = ?');
const pending = statement<[], Row>("SELECT * FROM vendor_approvals WHERE state = 'pending' ORDER BY requested_at, id");
const decided = statement<[limit: number], Row>("SELECT * FROM vendor_approvals WHERE state <> 'pending' ORDER BY coalesce(decided_at, expires_at) DESC, id LIMIT ?");
const askedBy = statement<[staffId: string, limit: number], Row>('SELECT * FROM vendor_approvals WHERE requested_by_id = ? ORDER BY requested_at DESC, id LIMIT ?');
const due = statement<[now: string], Row>("SELECT * FROM vendor_approvals WHERE state = 'pending' AND expires_at <= ? ORDER BY expires_at, id");
const decide = statement<[{ id: string; state: ApprovalState; decided_by: string | null; decided_at: string; decline_reason: string | null; outcome: string | null }]>(
  "UPDATE vendor_approvals SET state = @state, decided_by = @decided_by, decided_at = @decided_at, decline_reason = @decline_reason, outcome = @outcome WHERE id = @id AND state = 'pending'",
);

export function recordApproval(db: Db, a: ApprovalRecord): void {
  insert(db).run({
    id: a.id, request_id: a.requestId, scope: a.scope, grant_json: JSON.stringify(a.grant), what: a.what, unit_labels_json: JSON.stringify(a.unitLabels),
    schedule_text: a.scheduleText, phone: a.phone, reason: a.reason, requested_by_id: a.requestedById, requested_by: a.requestedBy, requested_at: a.requestedAt,
    expires_at: a.expiresAt, state: a.state, decided_by: a.decidedBy, decided_at: a.decidedAt, decline_reason: a.declineReason, outcome: a.outcome,
  });
}

export function findApproval(db: Db, id: string): ApprovalRecord | null {
  const row = byId(db).get(id);
  return row ? toRecord(row) : null;
}

export function findApprovalByRequestId(db: Db, requestId: string): ApprovalRecord | null {
  const row = byRequestId(db).get(requestId);
  return row ? toRecord(row) : null;
}

/** Every pending request, oldest first, then the latest decided ones. */
export function approvalsForAdmins(db: Db, decidedLimit: number): ApprovalRecord[] {
  return [...pending(db).all(), ...decided(db).all(decidedLimit)].map(toRecord);
}

/** One staff member's own requests, newest first. */
export function approvalsAskedBy(db: Db, staffId: string, limit: number): ApprovalRecord[] {
  return askedBy(db).all(staffId, limit).map(toRecord);
}

export function approvalsDueToExpire(db: Db, now: string): ApprovalRecord[] {
  return due(db).all(now).map(toRecord);
}

/** Ends a pending request; false when it was no longer pending (someone decided first). */
export function markDecided(db: Db, id: string, d: { state: Exclude<ApprovalState, 'pending'>; by: string | null; at: string; declineReason?: string; outcome?: string }): boolean {
  return decide(db).run({ id, state: d.state, decided_by: d.by, decided_at: d.at, decline_reason: d.declineReason ?? null, outcome: d.outcome ?? null }).changes === 1;
}

const settle = statement<[{ id: string; state: ApprovalState; decided_by: string; decided_at: string; decline_reason: string | null; outcome: string | null }]>(
  'UPDATE vendor_approvals SET state = @state, decided_by = @decided_by, decided_at = @decided_at, decline_reason = @decline_reason, outcome = @outcome WHERE id = @id',
);

/**
 * The decision the cloud took for a request, whatever this console held (pending, expired here,
 * or its own decision that reached the cloud second). Answers false when it held just that.
 */
export function settleDecision(db: Db, id: string, d: { state: 'approved' | 'declined'; by: string; at: string; declineReason: string | null; outcome: string | null }): boolean {
  const a = findApproval(db, id);
  if (!a) return false;
  if (a.state === d.state && a.decidedBy === d.by && a.decidedAt === d.at && a.declineReason === d.declineReason && a.outcome === d.outcome) return false;
  return settle(db).run({ id, state: d.state, decided_by: d.by, decided_at: d.at, decline_reason: d.declineReason, outcome: d.outcome }).changes === 1;
}

export function toApprovalView(a: ApprovalRecord, now: Date): VendorApproval {
  // Past its time but not yet swept: it reads as expired.
  const state = a.state === 'pending' && a.expiresAt <= now.toISOString() ? 'expired' : a.state;
  const where = a.unitLabels.length === 1 ? a.unitLabels[0]! : `${a.unitLabels.length} units: ${a.unitLabels.slice(0, 3).join(', ')}${a.unitLabels.length > 3 ? ', …' : ''}`;
  return {
    id: a.id, state, what: a.what, where, unitCount: a.unitLabels.length, scheduleText: a.scheduleText, phone: a.phone, reason: a.reason,
    requestedBy: a.requestedBy, requestedAt: a.requestedAt, expiresAt: a.expiresAt, decidedBy: a.decidedBy, decidedAt: a.decidedAt, declineReason: a.declineReason, outcome: a.outcome,
  };
}

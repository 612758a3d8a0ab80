import { randomUUID } from 'node:crypto';
import { approvalCredentialId, approvalOfRun } from './approvals/approval-credential-ids';
import type { BulkGrantRequest, BulkGrantResult, CredentialKind, Schedule, StaffMember } from '../../shared/domain';
import { PorterError } from '../../shared/errors';
import type { z } from 'zod';
import { appendAudit } from '../store/audit-log';
import { leftOutCode, runGrant, markRunFinished, markUnitGranted, markUnitRefused, recordBulkRun, runOutcome, unitsLeft, type BulkRunGrant } from '../store/bulk-runs-repo';
import { doorHolds, whyUnitCannotHold } from './door-hold';
import { recordSubmission } from '../store/submissions-repo';
import { getCredentialRecord } from '../store/credentials-repo';
import { runUserAction } from '../store/user-action';
import { earlierSubmission } from './submissions';
import type { AccessContext } from './access-context';
import { writeCredential, type VisitShare } from './credential-writer';
import { inTransaction } from '../store/statement';
import { isVisit, visitShare } from './vendor-visit';
import { prepareGrant } from './grant-guest-access';
import { kindNames, typeNames } from './guidelines';
import { describeSchedule } from './schedule';
import { today } from './today';
import { labelledUnits, labelledUnitsInBuilding, labelledUnitsOnFloor, type LabelledUnit } from '../store/unit-labels-repo';
import { unitIdsMatching } from '../store/units-repo';

type ParsedBulk = z.output<typeof BulkGrantRequest>;

export function targetUnits(ctx: AccessContext, target: ParsedBulk['target']): LabelledUnit[] {
  if (target.scope === 'filter') {
    const ids = unitIdsMatching(ctx.db, target.filter, today(ctx));
    if (ids.length === 0) throw new PorterError('not_found', 'No units match this filter.', 'target');
    return labelledUnits(ctx.db, ids);
  }
  const units =
    target.scope === 'units'
      ? labelledUnits(ctx.db, target.unitIds)
      : target.scope === 'floor'
        ? labelledUnitsOnFloor(ctx.db, target.buildingId, target.floor)
        : labelledUnitsInBuilding(ctx.db, target.buildingId);
  if (units.length === 0) throw new PorterError('not_found', 'No units match this selection.', 'target');
  if (target.scope === 'units' && units.length < new Set(target.unitIds).size)
    throw new PorterError('not_found', 'Some of the selected units no longer exist; refresh and select again.', 'target');
  return units;
}

/** "Delivery PIN code for Dana Whitfield of Brightway Cleaning" */
function describeRun(grant: BulkRunGrant): string {
  const { guest } = grant;
  return `${typeNames[grant.schedule.type]} ${kindNames[grant.kind]} for ${guest.name}${guest.company ? ` of ${guest.company}` : ''}`;
}

/**
 * A delivery or vendor credential on many units as one job: each unit is granted in its
 * own transaction (audited and queued like a single grant), a unit whose lock or doors
 * refuse it is listed with the reason, and one summary entry records the whole job. The run
 * is recorded before its first unit and each unit's outcome with it, so a run a crash cuts
 * short is listed as stopped and can be finished (finish-bulk-run.ts).
 */
export function bulkGrant(ctx: AccessContext, actor: StaffMember, request: ParsedBulk, options: { runId?: string } = {}): BulkGrantResult {
  // The same submission again: the first one's outcome (a run a crash cut short is finished from the stopped runs).
  const earlier = earlierSubmission(ctx.db, request.requestId, 'access.bulkGrant', actor);
  if (earlier) return visitOutcome(ctx, earlier.bulkRunId!, runGrant(ctx.db, earlier.bulkRunId!));
  const units = targetUnits(ctx, request.target);
  const { schedule, guest } = prepareGrant(ctx, actor, { ...request, unitId: units[0]!.id });
  const leftOut = unitsToLeaveOut(ctx, units, request.kind, schedule, request.unitsThatCannotHold);
  const grant: BulkRunGrant = { kind: request.kind, audience: request.audience, guest, schedule };
  const run = { id: options.runId ?? `bulk_${randomUUID()}`, startedAt: ctx.now().toISOString(), startedBy: actor.name, what: describeRun(grant), grant };
  ctx.db.transaction(() => {
    recordBulkRun(ctx.db, { ...run, units: units.map((u) => ({ unitId: u.id, unitLabel: u.label })) });
    for (const u of leftOut) markUnitRefused(ctx.db, run.id, u.unitId, leftOutCode, u.reason);
    if (request.requestId) recordSubmission(ctx.db, { requestId: request.requestId, command: 'access.bulkGrant', staffId: actor.id, credentialId: null, bulkRunId: run.id }, run.startedAt);
  })();
  const oneVisit = isVisit(grant) ? `; one visit: one ${kindNames[grant.kind]} and one text for all of them` : '';
  return grantRunUnits(ctx, actor, run, (r) => `Bulk ${run.what}: ${r.granted.length} of ${units.length} units granted, ${r.refused.length} refused${r.leftOut.length ? `, ${r.leftOut.length} left out` : ''}${oneVisit}`);
}

/** Units named in a refusal before "and N more". */
const namedUnits = 5;

/**
 * The units some door of which cannot hold the credential (access.previewBulk lists the same).
 * Unless the request says to leave them out, the whole job is refused up front, naming them;
 * so is a job none of whose units can hold it.
 */
function unitsToLeaveOut(ctx: AccessContext, units: readonly LabelledUnit[], kind: CredentialKind, schedule: Schedule, choice: ParsedBulk['unitsThatCannotHold']) {
  const hold = doorHolds(ctx, kind, schedule);
  const cannot = units.flatMap((u) => {
    const reason = whyUnitCannotHold(ctx, u.id, kind, schedule, hold);
    return reason === null ? [] : [{ unitId: u.id, unitLabel: u.label, reason }];
  });
  if (cannot.length === 0 || (choice === 'leave_out' && cannot.length < units.length)) return cannot;
  // A unit door's reason names the unit already; a shared door's does not.
  const named = cannot.slice(0, namedUnits).map((u) => (u.reason.includes(u.unitLabel) ? u.reason : `${u.unitLabel}: ${u.reason}`)).join(' ');
  const more = cannot.length > namedUnits ? ` And ${cannot.length - namedUnits} more.` : '';
  const all = cannot.length === units.length;
  throw new PorterError(
    'not_allowed',
    `${all ? `None of the ${units.length} units can` : `${cannot.length} of the ${units.length} units cannot`} hold this credential. ${named}${more}${all ? '' : ' Leave them out, or change the type or dates.'}`,
    'target',
  );
}

/** Every unit's outcome so far, and, for a vendor's visit, what its units share. */
function visitOutcome(ctx: AccessContext, runId: string, grant: BulkRunGrant | null): BulkGrantResult {
  const outcome = runOutcome(ctx.db, runId);
  return grant && isVisit(grant) ? { ...outcome, visit: { kind: grant.kind, guestName: grant.guest.name } } : outcome;
}

/** A unit another finisher granted first: its grant here rolls back. */
class AlreadyGranted extends Error {}

/**
 * Grants each unit of the run that has no outcome yet, marking it in the same transaction,
 * so no unit is granted twice, however often a run is cut short and finished. Then the
 * run's summary entry, and the run is finished. Answers every unit's outcome.
 */
export function grantRunUnits(
  ctx: AccessContext,
  actor: StaffMember,
  run: { id: string; grant: BulkRunGrant },
  summary: (outcome: BulkGrantResult) => string,
): BulkGrantResult {
  const { kind, audience, guest, schedule } = run.grant;
  const what = `${typeNames[schedule.type]} ${kindNames[kind]}`;
  let left = unitsLeft(ctx.db, run.id);
  let visit: VisitShare | undefined;
  // A vendor's visit shares one code (drawn in a transaction: a leased code is taken out of the
  // lease). No code free on all its doors: every unit left is refused with that reason.
  if (isVisit(run.grant) && left.length)
    try {
      visit = inTransaction(ctx.db, () => visitShare(ctx, run.id, run.grant, left, runOutcome(ctx.db, run.id)));
    } catch (error) {
      if (!(error instanceof PorterError)) throw error;
      inTransaction(ctx.db, () => {
        for (const unit of left) markUnitRefused(ctx.db, run.id, unit.unitId, error.code, error.message);
      });
      left = [];
    }
  for (const unit of left) {
    try {
      runUserAction(ctx.db, () => {
        // An approval's run names its credentials from the run, so a second console approving the same request names the same ones.
        const approvalId = approvalOfRun(run.id);
        const approved = approvalId ? { id: approvalCredentialId(run.id, unit.unitId), approvalId } : {};
        if (approved.id && getCredentialRecord(ctx.db, approved.id)) throw new AlreadyGranted();
        const w = writeCredential(ctx, actor, { unitId: unit.unitId, kind, audience, guest, schedule, ...(visit ? { visit } : {}), ...approved });
        if (!markUnitGranted(ctx.db, run.id, unit.unitId, w.id)) throw new AlreadyGranted();
        return {
          result: w.id,
          record: {
            audit: { at: w.at, actor: actor.name, action: 'access.granted', subjectId: w.id, summary: `Granted a ${what} (${describeSchedule(schedule)}) for ${unit.unitLabel} to ${guest.name}${guest.company ? ` of ${guest.company}` : ''} (bulk)`, details: { unitId: unit.unitId, doorIds: w.doors.map((d) => d.id), bulk: true, runId: run.id, ...(visit ? { visitId: visit.id } : {}) } },
            mutation: { kind: 'credential.granted', payload: w.payload, actor },
          },
        };
      });
    } catch (error) {
      if (error instanceof AlreadyGranted) continue;
      if (!(error instanceof PorterError)) throw error;
      markUnitRefused(ctx.db, run.id, unit.unitId, error.code, error.message);
    }
  }
  const outcome = visitOutcome(ctx, run.id, run.grant);
  runUserAction(ctx.db, () => {
    const at = ctx.now().toISOString();
    markRunFinished(ctx.db, run.id, at, actor.name);
    appendAudit(ctx.db, {
      at,
      actor: actor.name,
      action: 'access.bulk_granted',
      subjectId: null,
      summary: summary(outcome),
      details: { runId: run.id, refused: outcome.refused, granted: outcome.granted.map((g) => g.unitId) },
    });
    return { result: undefined, record: null };
  });
  return outcome;
}

import type { BulkGrantResult, StaffMember } from '../../shared/domain';
import { PorterError } from '../../shared/errors';
import { markUnitRefused, stoppedRun, unitsLeft, type BulkRunGrant } from '../store/bulk-runs-repo';
import { inTransaction } from '../store/statement';
import type { AccessContext } from './access-context';
import { grantRunUnits } from './bulk-grant';
import { checkGuidelines } from './guidelines';
import { checkSchedule } from './schedule';

/**
 * Why the run's grant can no longer be given, checked again now as it was at the start: null
 * when it still can. A refusal of who is finishing (a vendor run needs an admin) is thrown, so
 * the run stays for someone who may; any other (the schedule is over, the guidelines changed)
 * is the answer for every unit left.
 */
function refusalNow(ctx: AccessContext, actor: StaffMember, grant: BulkRunGrant): PorterError | null {
  const community = ctx.community();
  try {
    checkGuidelines(community, actor, { kind: grant.kind, audience: grant.audience, guest: { company: grant.guest.company ?? undefined }, schedule: grant.schedule });
    const g = community.guidelines;
    checkSchedule(grant.schedule, { zone: community.timeZone, now: ctx.now(), maxTemporaryDays: g.maxTemporaryDays, communityName: community.name });
    return null;
  } catch (error) {
    if (error instanceof PorterError && error.code !== 'forbidden') return error;
    throw error;
  }
}

/**
 * "Finish" on a stopped bulk run: the units not yet done are granted with the same guest and
 * schedule as the rest (each unit's outcome is marked with its grant, so none is granted
 * twice), the run gets its summary entry, and the answer is every unit's outcome.
 */
export function finishBulkRun(ctx: AccessContext, actor: StaffMember, runId: string): BulkGrantResult {
  const run = stoppedRun(ctx.db, runId);
  if (!run) throw new PorterError('not_found', 'There is no stopped bulk grant by that id; it may have been finished already.', 'runId');
  const refusal = refusalNow(ctx, actor, run.grant);
  if (refusal)
    inTransaction(ctx.db, () => {
      for (const unit of unitsLeft(ctx.db, run.id)) markUnitRefused(ctx.db, run.id, unit.unitId, refusal.code, refusal.message);
    });
  return grantRunUnits(ctx, actor, run, (r) => `Finished the bulk ${run.what} that stopped after ${run.done} of ${run.total} units: ${r.granted.length} of ${run.total} units granted, ${r.refused.length} refused`);
}

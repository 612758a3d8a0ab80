import { randomBytes } from 'node:crypto';
import type { BulkGrantResult } from '../../shared/domain';
import { visitSecretOf } from '../store/credential-writes-repo';
import type { BulkRunGrant, RunUnit } from '../store/bulk-runs-repo';
import type { AccessContext } from './access-context';
import { allocatePin, type VisitShare } from './credential-writer';
import { doorsForGrant, type CoveredDoor } from './door-coverage';

/*
 * A vendor's visit: a bulk grant to a vendor (a cleaning crew on a whole floor) is one visit,
 * not one access per unit. Its credentials, one per unit as before (each unit's doors, slots
 * and refusals are its own), share one code or one pass and the run's id, so the vendor gets
 * one code and one text (the cloud texts once per visit), and a revoke of any of them ends
 * them all. A one-time delivery code stays one per unit: it is used up at its unit's door.
 */

/** Whether a bulk run's grant is a visit. */
export function isVisit(grant: Pick<BulkRunGrant, 'audience' | 'schedule'>): boolean {
  return grant.audience === 'vendor' && grant.schedule.type !== 'delivery';
}

/**
 * What the run's credentials share. The code a unit of it was already given (a run a crash cut
 * short, finished later), else one drawn free on every door of every unit left (the common
 * doors once), so the same code works on each lock the visit touches. A unit whose doors
 * cannot hold the grant is left out of the draw: its own write refuses it.
 */
export function visitShare(ctx: AccessContext, runId: string, grant: BulkRunGrant, left: readonly RunUnit[], done: BulkGrantResult): VisitShare {
  const units = done.granted.length + left.length;
  const written = visitSecretOf(ctx.db, runId);
  if (written) return { id: runId, units, ...written };
  if (grant.kind === 'ble') return { id: runId, units, pinCode: null, blePass: randomBytes(16).toString('base64url') };
  const doors = new Map<string, CoveredDoor>();
  for (const unit of left) {
    try {
      for (const d of doorsForGrant(ctx.db, ctx.community(), unit.unitId, grant.kind, grant.schedule)) doors.set(d.id, d);
    } catch {
      // This unit's own write gives the reason.
    }
  }
  return { id: runId, units, pinCode: doors.size ? allocatePin(ctx, [...doors.values()]) : null, blePass: null };
}

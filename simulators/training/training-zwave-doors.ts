import type { AccessContext } from '../../src/main/access/access-context';
import type { LiveLockInfo } from '../../src/main/devices/live/live-lock-network';
import { zwaveNetworkId } from '../../src/main/devices/zwave/zwave-network';
import { appendAudit } from '../../src/main/store/audit-log';
import { doorById } from '../../src/main/store/door-table-repo';
import { assignLiveLock, liveLock, liveLockForDoor, saveLiveLock } from '../../src/main/store/live-locks-repo';
import { inTransaction } from '../../src/main/store/statement';
import type { SimulatedLockSpec } from '../zwave/lock-spec';
import { simulatedHomeId } from '../zwave/simulated-stick';

/** The simulated stick's network, as the store names it. */
export const simulatedNetworkId = zwaveNetworkId(simulatedHomeId);

/** What the store knows of a simulated lock before its first interview: its label; its slots come when the stick opens. */
const beforeInterview = (nodeId: number, spec: SimulatedLockSpec): LiveLockInfo => ({
  nodeId,
  manufacturer: spec.manufacturer,
  product: spec.product,
  firmware: null,
  security: spec.security === 's2' ? 'strong' : spec.security === 's0' ? 'weak' : 'none',
  status: 'unknown',
  batteryPercent: spec.batteryPercent,
  batteryLow: false,
  rssiDbm: null,
  capabilities: null,
});

/**
 * The demo's Z-Wave locks come fitted to their doors, as a building's locks would be after its
 * installer's visit: each simulated lock the store has never seen is recorded on the network
 * and assigned to the door it stands on, unless that door already has a live lock. A lock the
 * store knows keeps what staff made of it (reassigned, unassigned). Answers how many were fitted.
 */
export function fitSimulatedLocks(ctx: AccessContext, specs: readonly SimulatedLockSpec[]): number {
  const at = ctx.now().toISOString();
  const fitted: string[] = [];
  inTransaction(ctx.db, () => {
    for (const spec of specs) {
      if (spec.nodeId === undefined || spec.doorId === undefined) continue;
      if (liveLock(ctx.db, simulatedNetworkId, spec.nodeId) || liveLockForDoor(ctx.db, spec.doorId) || !doorById(ctx.db, spec.doorId)) continue;
      saveLiveLock(ctx.db, simulatedNetworkId, beforeInterview(spec.nodeId, spec), at);
      assignLiveLock(ctx.db, simulatedNetworkId, spec.nodeId, spec.doorId, at);
      fitted.push(spec.doorId);
    }
    if (fitted.length > 0)
      appendAudit(ctx.db, {
        at,
        actor: 'Porter (training)',
        action: 'door.lock_assigned',
        subjectId: null,
        summary: `Training fitted ${fitted.length} simulated Z-Wave lock${fitted.length === 1 ? '' : 's'} to ${fitted.length === 1 ? 'its door' : 'their doors'}; they take their codes once the simulated stick is plugged in`,
        details: { networkId: simulatedNetworkId, doorIds: fitted },
      });
  });
  return fitted.length;
}

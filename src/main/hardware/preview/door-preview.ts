import type { CredentialKind, DoorPreview, Schedule } from '../../../shared/domain';
import type { LockUser } from '../../../shared/domain/matter-door-lock';
import type { AccessContext } from '../../access/access-context';
import type { CoveredDoor } from '../../access/door-coverage';
import { doorHolds } from '../../access/door-hold';
import { approximationsOf } from './approximations';
import { doorLink } from './door-link';
import { scheduleAsRun } from './schedule-as-run';

/**
 * What one door's lock would hold: the slot it would take, the schedule as the lock runs it,
 * what Porter makes up for, how it gets there, and whether it can hold it at all (the same
 * checks the grant makes: the lock's kinds and schedules, a free guest slot).
 */
export function previewDoor(ctx: AccessContext, door: CoveredDoor, kind: CredentialKind, schedule: Schedule, user: LockUser, hold = doorHolds(ctx, kind, schedule)): DoorPreview {
  const { slot, reason } = hold(door);
  const { delivery, fit } = doorLink(ctx.db, door, user);
  return {
    door: { id: door.id, name: door.name, kind: door.kind },
    lockModel: door.modelName,
    slot,
    schedule: scheduleAsRun(fit.write, fit.by, ctx.community().timeZone),
    approximations: approximationsOf(fit, schedule),
    delivery,
    canHold: reason === null,
    reason,
  };
}

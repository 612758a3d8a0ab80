import type { StaffMember } from '../../shared/domain';
import type { AccessContext } from '../access/access-context';
import { DoorFailure } from '../devices/drivers/door-failure';
import type { KeyProgrammerDriver } from '../devices/drivers/key-programmer-driver';
import { doorById, recordDoorDescription } from '../store/door-table-repo';
import { runUserAction } from '../store/user-action';
import { clockDriftSeconds } from './clock-drift';
import type { JobControl } from './job-runner';

export const setClockSteps = ['Set the clock and time-zone rules', 'Check the clock'];

/** Sets the door's clock from the console's, with the community's zone transitions. */
export async function setDoorClock(ctx: AccessContext, driver: KeyProgrammerDriver, doorId: string, actor: StaffMember, control: JobControl): Promise<string> {
  const door = doorById(ctx.db, doorId);
  if (!door) throw new DoorFailure('protocol', 'That door is no longer in the community.');
  const zone = ctx.community().timeZone;
  control.step(0);
  await driver.setClock(zone, ctx.now(), control.signal);
  control.finish(0, `Set to ${zone}`);
  control.step(1);
  const described = await driver.describeDoor(control.signal);
  if (!described) throw new DoorFailure('no_door_attached', 'The door was disconnected before its clock could be checked.');
  const at = ctx.now();
  const drift = clockDriftSeconds(described, at);
  runUserAction(ctx.db, () => {
    recordDoorDescription(ctx.db, door.id, { firmware: described.firmware, batteryPercent: described.batteryPercent, clockDriftSeconds: drift, at: at.toISOString() });
    return {
      result: undefined,
      record: { audit: { at: at.toISOString(), actor: actor.name, action: 'door.clock_set', subjectId: door.id, summary: `${actor.name} set the clock of ${door.name} (${zone})`, details: { doorId: door.id, zone, driftAfterSeconds: drift } }, mutation: null },
    };
  });
  const summary = `Clock off by ${Math.abs(drift)} s after setting`;
  control.finish(1, summary);
  return summary;
}

import type { StaffMember } from '../../shared/domain';
import { DoorFailure } from '../devices/drivers/door-failure';
import type { KeyProgrammerDriver } from '../devices/drivers/key-programmer-driver';
import type { AccessContext } from '../access/access-context';
import type { JobRecord } from '../store/door-jobs-repo';
import { doorById, recordDoorDescription, recordDoorProgrammed, type DoorHardwareRecord } from '../store/door-table-repo';
import { runUserAction } from '../store/user-action';
import { clockDriftSeconds } from './clock-drift';
import { planProgram, type ProgramPlan } from './door-plan';
import type { JobControl } from './job-runner';

export const programSteps = ['Read the door', 'Stage changes', 'Commit', 'Verify'];

/**
 * Programs a door with exactly what it lacks: reads it, plans from the checksum it reports,
 * stages the changes, commits them in one swap on the door, and verifies the checksum before
 * the console records the door as in sync. A resumed job first credits a commit that landed
 * before the cable went, so only what changed since is written.
 */
export async function programDoor(
  ctx: AccessContext,
  driver: KeyProgrammerDriver,
  doorId: string,
  actor: StaffMember,
  control: JobControl,
  resumed: JobRecord | null,
): Promise<string> {
  const { signal } = control;
  control.step(0);
  const described = await driver.describeDoor(signal);
  if (!described) throw new DoorFailure('no_door_attached', 'No door is connected to the programmer.');
  let door = expectDoor(ctx, doorId, described.serial);
  const at = ctx.now().toISOString();
  recordDoorDescription(ctx.db, door.id, { firmware: described.firmware, batteryPercent: described.batteryPercent, clockDriftSeconds: clockDriftSeconds(described, ctx.now()), at });
  const credited = resumed?.plan !== undefined && resumed.plan !== null && described.table.checksum === resumed.plan.targetChecksum;
  if (credited && resumed?.plan) {
    recordDoorProgrammed(ctx.db, door.id, { version: resumed.plan.version, at: resumed.plan.at, checksum: resumed.plan.targetChecksum });
    door = expectDoor(ctx, doorId, described.serial);
  }
  const plan = planProgram(ctx.db, door, ctx.community().timeZone, described.table.checksum, at);
  control.plan({ version: plan.version, at: plan.at, baseChecksum: plan.baseChecksum, targetChecksum: plan.targetChecksum });
  control.finish(0, `${described.table.usedSlots} on the door, ${plan.desiredCount} wanted`);

  const nothingToWrite = plan.puts.length === 0 && plan.deletes.length === 0 && plan.baseChecksum === plan.targetChecksum;
  if (nothingToWrite) {
    control.finish(1, 'Nothing to change', 'skipped');
    control.finish(2, 'Nothing to change', 'skipped');
  } else {
    control.step(1, stagedSummary(plan));
    await driver.program(plan, (step, done, total) => {
      const i = step === 'stage' ? 1 : 2;
      if (done === 0) control.step(i, i === 1 ? stagedSummary(plan) : null);
      control.progress(total === 0 ? 1 : done / total);
    }, signal);
    control.finish(1, stagedSummary(plan));
    control.finish(2, 'The door swapped to the new table');
  }
  control.step(3);
  const checksum = await driver.readChecksum(signal);
  if (checksum !== plan.targetChecksum)
    throw new DoorFailure('checksum_mismatch', 'The door’s table does not match what was written.');
  recordProgrammed(ctx, door, plan, actor, described.serial);
  control.finish(3, `Checksum ${checksum.toString(16).padStart(8, '0')} matches`);
  if (!nothingToWrite) return stagedSummary(plan);
  return credited ? 'The commit made before the interruption had landed: nothing left to write' : 'The door already held what Porter wants on it';
}

function expectDoor(ctx: AccessContext, doorId: string, serial: string): DoorHardwareRecord {
  const door = doorById(ctx.db, doorId);
  if (!door) throw new DoorFailure('protocol', 'That door is no longer in the community.');
  if (door.serial !== serial)
    throw new DoorFailure('no_door_attached', `The lock on the cable (serial ${serial}) is not ${door.name}’s lock.`);
  return door;
}

function stagedSummary(plan: ProgramPlan): string {
  if (plan.fullRewrite) return `Writing the whole table: ${plan.puts.length} credentials`;
  return `Writing ${plan.puts.length}, removing ${plan.deletes.length}`;
}

function recordProgrammed(ctx: AccessContext, door: DoorHardwareRecord, plan: ProgramPlan, actor: StaffMember, serial: string): void {
  runUserAction(ctx.db, () => {
    recordDoorProgrammed(ctx.db, door.id, { version: plan.version, at: plan.at, checksum: plan.targetChecksum });
    const at = ctx.now().toISOString();
    return {
      result: undefined,
      record: {
        audit: { at, actor: actor.name, action: 'door.programmed', subjectId: door.id, summary: `${actor.name} programmed ${door.name}: ${stagedSummary(plan).toLowerCase()}`, details: { doorId: door.id, serial, version: plan.version, checksum: plan.targetChecksum, written: plan.puts.length, removed: plan.deletes.length, fullRewrite: plan.fullRewrite } },
        mutation: { kind: 'door.programmed', payload: { doorId: door.id, version: plan.version, checksum: plan.targetChecksum, at: plan.at }, actor },
      },
    };
  });
}

import { ScheduleEntryLockCommand, TimeParametersCommand, type ZWaveNode } from 'zwave-js';
import type { LockClock, LockClockOutcome } from '../live/live-lock-network';
import { lockApi } from './lock-commands';

/**
 * Sets a lock's clock, which its Schedule Entry Lock schedules run on: the date and time in
 * UTC through Time Parameters CC where the lock has it, and the wall clock's offset from UTC
 * through Schedule Entry Lock's Time Offset Set (v2 and later) where it has that.
 *
 * The offset goes as the one in effect now, with no DST delta: Schedule Entry Lock's Time
 * Offset carries no DST dates, so a lock cannot tell by itself when a delta applies. Porter
 * sends it again after each DST transition in the community's zone (lock-clocks.ts).
 * zwave-js's own `setDateAndTime` is not used: it takes the offset of the zone the console's
 * process runs in, not the community's.
 */
export async function setLockClock(node: ZWaveNode, clock: LockClock): Promise<LockClockOutcome> {
  const timeParameters = lockApi(node, 'Time Parameters');
  const scheduleEntryLock = lockApi(node, 'Schedule Entry Lock');
  let set = false;
  if (timeParameters.isSupported() && timeParameters.supportsCommand(TimeParametersCommand.Set)) {
    await timeParameters.set(clock.utc);
    set = true;
  }
  if (scheduleEntryLock.isSupported() && scheduleEntryLock.supportsCommand(ScheduleEntryLockCommand.TimeOffsetSet)) {
    await scheduleEntryLock.setTimezone({ standardOffset: clock.offsetMinutes, dstOffset: clock.offsetMinutes });
    set = true;
  }
  return set ? 'set' : 'no_clock';
}

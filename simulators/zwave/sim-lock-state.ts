import { KeypadMode, UserIDStatus, type ScheduleEntryLockDailyRepeatingSchedule, type ScheduleEntryLockWeekDaySchedule, type ScheduleEntryLockYearDaySchedule } from 'zwave-js';
import type { SimulatedLockSpec } from './lock-spec';

export interface SimSlot {
  status: UserIDStatus;
  code: string;
}

/** Faults that change how the lock answers until cleared (`SimulatedZWave.fault`). */
export interface SimLockFaults {
  /** Answers nothing, not even the radio's acknowledgement. */
  dead: boolean;
  /** The next code set is refused (as a lock refuses a code it will not take). */
  refuseNextCode: boolean;
  /** Every free slot is taken: a new code has nowhere to go. */
  full: boolean;
  jammed: boolean;
}

/**
 * What one simulated lock holds, apart from any stick: it survives the stick being unplugged
 * and opened again, as a real lock keeps its codes when the office's stick goes away.
 */
export class SimLockState {
  readonly slots = new Map<number, SimSlot>();
  readonly weekDay = new Map<string, ScheduleEntryLockWeekDaySchedule>();
  readonly yearDay = new Map<string, ScheduleEntryLockYearDaySchedule>();
  readonly dailyRepeating = new Map<string, ScheduleEntryLockDailyRepeatingSchedule>();
  /** Users whose schedules are enabled (Schedule Entry Lock Enable Set); others have unrestricted access. */
  readonly scheduled = new Set<number>();
  /** Minutes from UTC: Schedule Entry Lock Time Offset (standard, and DST added on top). */
  timeOffset = { standardMinutes: 0, dstMinutes: 0 };
  keypadMode: KeypadMode = KeypadMode.Normal;
  adminCode = '';
  /** Wrong codes typed in a row. */
  wrongCodes = 0;
  locked = true;
  batteryPercent: number;
  /** The security the lock was included with: its spec's, or none when S2 bootstrapping failed. */
  security: SimulatedLockSpec['security'];
  readonly faults: SimLockFaults = { dead: false, refuseNextCode: false, full: false, jammed: false };

  constructor(
    readonly nodeId: number,
    readonly spec: SimulatedLockSpec,
  ) {
    this.batteryPercent = spec.batteryPercent;
    this.security = spec.security;
  }

  slot(userId: number): SimSlot {
    return this.slots.get(userId) ?? { status: UserIDStatus.Available, code: '' };
  }

  /** The slot already holding this code, other than `userId` (User Code CC: codes are unique per lock). */
  holderOf(code: string, except?: number): number | null {
    for (const [userId, slot] of this.slots) {
      if (userId !== except && slot.status !== UserIDStatus.Available && slot.code === code) return userId;
    }
    return null;
  }

  setSlot(userId: number, status: UserIDStatus, code: string): void {
    if (status === UserIDStatus.Available) this.clearSlot(userId);
    else this.slots.set(userId, { status, code });
  }

  /** Clearing a code clears its schedules with it, as a lock forgets a user it no longer has. */
  clearSlot(userId: number): void {
    this.slots.delete(userId);
    this.scheduled.delete(userId);
    for (const table of [this.weekDay, this.yearDay, this.dailyRepeating]) {
      for (const key of [...table.keys()]) if (key.startsWith(`${userId}:`)) table.delete(key);
    }
  }

  /** Whether a new code would find room: a full lock has none. */
  hasRoom(userId: number): boolean {
    return !this.faults.full || this.slot(userId).status !== UserIDStatus.Available;
  }
}

export const scheduleKey = (userId: number, slotId: number) => `${userId}:${slotId}`;

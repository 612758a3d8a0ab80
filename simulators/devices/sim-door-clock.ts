import { matterEpochUnixSeconds } from '../../src/main/access/schedule/matter-door-lock';
import type { ClockReading, ClockSetting, ZoneTransition } from '../../src/main/devices/keyprog/commands/set-clock';

const u32 = (seconds: number) => Math.min(0xffff_ffff, Math.max(0, seconds));

/**
 * A door's clock: the host's time plus the door's own error, and an offset that follows the
 * zone transitions SET_CLOCK gave it (a lock has no time zone database of its own).
 */
export class SimDoorClock {
  private errorSeconds = 0;
  private offsetMinutes: number;
  private transitions: ZoneTransition[] = [];

  constructor(
    private readonly now: () => number,
    offsetMinutes: number,
  ) {
    this.offsetMinutes = offsetMinutes;
  }

  utcSeconds(): number {
    return u32(Math.floor(this.now() / 1000) + this.errorSeconds);
  }

  /** The offset in force: the latest transition already passed, else the one SET_CLOCK gave. */
  currentOffsetMinutes(): number {
    const utc = this.utcSeconds();
    const passed = this.transitions.filter((t) => t.atUtcSeconds <= utc);
    return passed.at(-1)?.offsetMinutes ?? this.offsetMinutes;
  }

  reading(): ClockReading {
    return { utcSeconds: this.utcSeconds(), offsetMinutes: this.currentOffsetMinutes() };
  }

  /** Lock-local epoch-s, as audit records and year-day schedules count time. */
  localTime(): number {
    return u32(this.utcSeconds() + this.currentOffsetMinutes() * 60 - matterEpochUnixSeconds);
  }

  set(setting: ClockSetting): void {
    this.errorSeconds = setting.utcSeconds - Math.floor(this.now() / 1000);
    this.offsetMinutes = setting.offsetMinutes;
    this.transitions = [...setting.transitions];
  }

  /** The clock far off fault: it gains (or loses, negative) this much. */
  drift(seconds: number): void {
    this.errorSeconds += seconds;
  }
}

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveLock } from '../../../../src/main/devices/live/live-lock-network';
import { zwaveDriverOptions } from '../../../../src/main/devices/zwave/zwave-driver-options';
import { zwaveNetwork } from '../../../../src/main/devices/zwave/zwave-network';
import { lockClocks, wallClock, type ClockTimer } from '../../../../src/main/hardware/live-locks/lock-clocks';
import { newZWaveKeys } from '../../../../src/main/secrets/zwave-keys';
import { keypadDeadbolt } from '../../../../simulators/zwave/lock-spec';
import { openSimulatedStickIn, type SimulatedStick } from '../../../../simulators/zwave/simulated-stick';
import { createSimulatedZWave, type SimulatedZWaveWorld } from '../../../../simulators/zwave/simulated-zwave';

const zone = 'America/Chicago';
const LOCK = 2;
const door = 'door-1';
/** A code for Sundays 09:00-10:00, community time, which the lock runs itself (Schedule Entry Lock week-day entry). */
const sundayMornings = {
  userType: 'week_day_schedule_user' as const,
  weekDaySchedules: [{ daysMask: 0b000_0001, startHour: 9, startMinute: 0, endHour: 10, endMinute: 0 }],
  yearDaySchedules: [],
};

describe('the community’s wall clock', () => {
  it('gives Chicago’s offset and its next DST transition', () => {
    expect(wallClock(zone, new Date('2026-03-07T18:00:00Z'))).toEqual({ offsetMinutes: -360, nextChangeAt: new Date('2026-03-08T08:00:00Z') });
    expect(wallClock(zone, new Date('2026-07-01T12:00:00Z'))).toEqual({ offsetMinutes: -300, nextChangeAt: new Date('2026-11-01T07:00:00Z') });
    expect(wallClock('America/Phoenix', new Date('2026-07-01T12:00:00Z')).offsetMinutes).toBe(-420);
  });
});

describe('a simulated Z-Wave lock’s clock across the spring-forward night in Chicago', () => {
  // The simulator's clock and the console's are the same fake clock; nothing waits for real time.
  let clock = Date.parse('2026-03-07T18:00:00Z');
  let world: SimulatedZWaveWorld;
  let stick: SimulatedStick;
  let cacheDir: string;
  let lock: LiveLock;
  let pending: { at: Date; run: () => void } | null = null;
  const timer: ClockTimer = (at, run) => {
    pending = { at, run };
    return () => (pending = null);
  };

  beforeAll(async () => {
    cacheDir = mkdtempSync(join(tmpdir(), 'zclock-test-'));
    world = createSimulatedZWave({ locks: [keypadDeadbolt({ nodeId: LOCK })], now: () => clock });
    stick = await openSimulatedStickIn(world, { cacheDir, driverOptions: zwaveDriverOptions(newZWaveKeys(), cacheDir) });
    lock = zwaveNetwork(stick.driver, { path: 'simulated:zwave', label: 'Simulated Z-Wave stick', simulated: true }).lock(LOCK);
  });

  afterAll(async () => {
    await stick?.close();
    rmSync(cacheDir, { recursive: true, force: true });
  });

  it('is set to standard time when assigned, and again to daylight time after the transition, so a Sunday 09:00 code opens at 09:00 CDT', async () => {
    const clocks = lockClocks({ now: () => new Date(clock), zone: () => zone, timer, transitioned: () => clocks.mark(door) });
    clocks.mark(door);
    await clocks.setIfDue(door, lock);
    expect(world.lock(LOCK).timeOffset).toEqual({ standardMinutes: -360, dstMinutes: 0 });
    expect(pending!.at).toEqual(new Date('2026-03-08T08:00:00Z'));

    expect((await lock.writeCodes([{ slot: 1, code: '482913', user: sundayMornings }]))[0]!.outcome).toBe('written');
    // Sunday 09:30 CDT (14:30Z): a lock still on CST reads 08:30 and keeps the door shut.
    clock = Date.parse('2026-03-08T14:30:00Z');
    expect(await world.pressKeypad(LOCK, '482913')).toEqual({ opened: false, reason: 'outside_schedule' });

    // The transition's timer: the door is marked, and its next job gives the lock the new offset.
    pending!.run();
    expect(clocks.isDue(door)).toBe(true);
    await clocks.setIfDue(door, lock);
    expect(world.lock(LOCK).timeOffset).toEqual({ standardMinutes: -300, dstMinutes: 0 });
    expect(await world.pressKeypad(LOCK, '482913')).toEqual({ opened: true, slot: 1 });
    // Set once per transition: the next one is the fall-back night.
    expect(clocks.isDue(door)).toBe(false);
    expect(pending!.at).toEqual(new Date('2026-11-01T07:00:00Z'));
    clocks.close();
    expect(pending).toBeNull();
  });

  it('ignores a timer that fires before the transition (Node caps a timer at about 24 days)', () => {
    clock = Date.parse('2026-07-01T12:00:00Z');
    let transitions = 0;
    const clocks = lockClocks({ now: () => new Date(clock), zone: () => zone, timer, transitioned: () => (transitions += 1) });
    clock = Date.parse('2026-07-25T12:00:00Z');
    pending!.run();
    expect(transitions).toBe(0);
    expect(pending!.at).toEqual(new Date('2026-11-01T07:00:00Z'));
    clocks.close();
  });
});

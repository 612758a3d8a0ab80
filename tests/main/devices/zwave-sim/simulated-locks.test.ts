import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CommandClasses } from '@zwave-js/core';
import { UserIDStatus, type ZWaveNode } from 'zwave-js';
import { zwaveDriverOptions } from '../../../../src/main/devices/zwave/zwave-driver-options';
import { newZWaveKeys } from '../../../../src/main/secrets/zwave-keys';
import { userCodeChecksum } from '../../../../simulators/zwave/behaviors/user-code';
import { keypadDeadbolt } from '../../../../simulators/zwave/lock-spec';
import { openSimulatedStick, type SimulatedStick } from '../../../../simulators/zwave/simulated-stick';

/** One stick for the file (an interview takes seconds); each test puts the lock back as it found it. */
let stick: SimulatedStick;
let cacheDir: string;
const LOCK = 2;
const node = (): ZWaveNode => stick.driver.controller.nodes.get(LOCK)!;
const lock = () => stick.controls.lock(LOCK);

interface Heard {
  type: number;
  event: number;
  userId: number | null;
}

function listen(): Heard[] {
  const heard: Heard[] = [];
  node().on('notification', (_endpoint, ccId, args) => {
    if (ccId !== CommandClasses.Notification) return;
    const a = args as { type: number; event: number; parameters?: { userId?: number } };
    heard.push({ type: a.type, event: a.event, userId: a.parameters?.userId ?? null });
  });
  return heard;
}

async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((r) => setTimeout(r, 20));
}

beforeAll(async () => {
  cacheDir = mkdtempSync(join(tmpdir(), 'zsim-test-'));
  stick = await openSimulatedStick({ cacheDir, locks: [keypadDeadbolt({ nodeId: LOCK })], driverOptions: zwaveDriverOptions(newZWaveKeys(), cacheDir) });
});

afterAll(async () => {
  await stick?.close();
  rmSync(cacheDir, { recursive: true, force: true });
});

beforeEach(async () => {
  const state = lock();
  for (const slot of [...state.slots.keys()]) state.clearSlot(slot);
  Object.assign(state.faults, { dead: false, refuseNextCode: false, full: false, jammed: false });
  state.locked = true;
  state.wrongCodes = 0;
  await stick.controls.fault(LOCK, 'alive');
  node().removeAllListeners('notification');
});

describe('a simulated keypad deadbolt, seen from zwave-js', () => {
  it('joins with S2 Access Control and is labelled as the simulated model it is', () => {
    expect(node().deviceConfig?.label).toBe('Simulated keypad deadbolt');
    expect(node().getHighestSecurityClass()).toBe(2 /* S2_AccessControl */);
    expect(node().getCCVersion(CommandClasses['User Code'])).toBe(2);
  });

  it('reports a keypad unlock as Access Control 0x06 with the user id of the slot', async () => {
    await node().commandClasses['User Code'].set(4, UserIDStatus.Enabled, '482913');
    const heard = listen();
    expect(await stick.controls.pressKeypad(LOCK, '482913')).toEqual({ opened: true, slot: 4 });
    await until(() => heard.length > 0);
    expect(heard[0]).toEqual({ type: 0x06, event: 0x06, userId: 4 });
  });

  it('reports a wrong code as an invalid credential and does not open', async () => {
    const heard = listen();
    expect(await stick.controls.pressKeypad(LOCK, '000000')).toEqual({ opened: false, reason: 'wrong_code' });
    await until(() => heard.length > 0);
    expect(heard[0]).toMatchObject({ type: 0x06, event: 0x32 });
    expect(lock().locked).toBe(true);
  });

  it('refuses a code another slot holds, with the duplicate-code event, and keeps the slot empty', async () => {
    await node().commandClasses['User Code'].set(1, UserIDStatus.Enabled, '111222');
    const heard = listen();
    await node().commandClasses['User Code'].set(2, UserIDStatus.Enabled, '111222');
    await until(() => heard.length > 0);
    expect(heard[0]).toEqual({ type: 0x06, event: 0x0f, userId: 2 });
    expect(lock().slot(2).status).toBe(UserIDStatus.Available);
  });

  it('sets several codes in one Extended User Code Set frame, and its checksum matches the codes', async () => {
    const codes = [1, 2, 3].map((userId) => ({ userId, userIdStatus: UserIDStatus.Enabled as const, userCode: `90${userId}1` }));
    stick.controls.resetFrames();
    await node().commandClasses['User Code'].setMany(codes);
    expect(stick.controls.frames().hostToStick).toBe(1);
    expect([...lock().slots.keys()].sort()).toEqual([1, 2, 3]);
    const checksum = await node().commandClasses['User Code'].getUserCodeChecksum();
    expect(checksum).toBe(userCodeChecksum(lock().slots));
    expect(checksum).not.toBe(0);
  });

  it('answers an Extended User Code Get with the codes it holds, several per report, naming the next one', async () => {
    lock().setSlot(3, UserIDStatus.Enabled, '4821');
    lock().setSlot(7, UserIDStatus.Enabled, '59304');
    lock().setSlot(200, UserIDStatus.Disabled, '7713');
    const first = await node().commandClasses['User Code'].get(1, true);
    expect(first?.userCodes.map((c) => [c.userId, c.userIdStatus, c.userCode])).toEqual([
      [1, UserIDStatus.Available, ''],
      [3, UserIDStatus.Enabled, '4821'],
      [7, UserIDStatus.Enabled, '59304'],
      [200, UserIDStatus.Disabled, '7713'],
    ]);
    expect(first?.nextUserId).toBe(0);
    lock().setSlot(9, UserIDStatus.Enabled, '1234567890');
    lock().setSlot(12, UserIDStatus.Enabled, '2345678901');
    lock().setSlot(15, UserIDStatus.Enabled, '3456789012');
    const fromFour = await node().commandClasses['User Code'].get(4, true);
    // A report holds what fits; the next occupied slot is named for the next Get.
    expect(fromFour?.userCodes.map((c) => c.userId)).toEqual([4, 7, 9]);
    expect(fromFour?.nextUserId).toBe(12);
  });

  it('refuses the next code once when told to, then takes codes again', async () => {
    await stick.controls.fault(LOCK, 'refuse_next_code');
    expect((await node().commandClasses['User Code'].set(7, UserIDStatus.Enabled, '246810'))?.status).toBe(2 /* SupervisionStatus.Fail */);
    expect((await node().commandClasses['User Code'].set(7, UserIDStatus.Enabled, '246810'))?.status).toBe(0xff);
  });

  it('has no room for a new code when full', async () => {
    await stick.controls.fault(LOCK, 'full');
    expect((await node().commandClasses['User Code'].set(8, UserIDStatus.Enabled, '135246'))?.status).toBe(2 /* SupervisionStatus.Fail */);
    expect(lock().slot(8).status).toBe(UserIDStatus.Available);
  });

  it('reports a code changed at its own keypad, unasked', async () => {
    const heard = listen();
    await stick.controls.fault(LOCK, 'codes_changed_at_keypad');
    await until(() => heard.length > 0);
    expect(heard[0]).toEqual({ type: 0x06, event: 0x0e, userId: 1 });
    expect(lock().slot(1).status).toBe(UserIDStatus.Enabled);
  });

  it('keeps a scheduled code to its hours', async () => {
    await node().commandClasses['User Code'].set(9, UserIDStatus.Enabled, '975310');
    const sel = node().commandClasses['Schedule Entry Lock'];
    // A week-day window that is never now: one minute, tomorrow.
    const tomorrow = (new Date().getUTCDay() + 1) % 7;
    await sel.setWeekDaySchedule({ userId: 9, slotId: 1 }, { weekday: tomorrow, startHour: 3, startMinute: 0, stopHour: 3, stopMinute: 1 });
    await sel.setEnabled(true, 9);
    expect(await stick.controls.pressKeypad(LOCK, '975310')).toEqual({ opened: false, reason: 'outside_schedule' });
    await sel.setEnabled(false, 9);
    expect(await stick.controls.pressKeypad(LOCK, '975310')).toEqual({ opened: true, slot: 9 });
  });
});

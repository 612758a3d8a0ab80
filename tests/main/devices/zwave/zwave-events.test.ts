import { DoorLockCCOperationReport, DoorLockMode, UserCodeCCReport, UserIDStatus } from 'zwave-js';
import { createMockZWaveRequestFrame, type MockNode } from '@zwave-js/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveLockEvent, LiveLockNetwork } from '../../../../src/main/devices/live/live-lock-network';
import { zwaveNetwork } from '../../../../src/main/devices/zwave/zwave-network';
import { sendNotification } from './lock-behaviours';
import { startMockStick, type MockStick } from './mock-stick';

const anyone = { userType: 'unrestricted_user' as const, weekDaySchedules: [], yearDaySchedules: [] };

describe("a Z-Wave lock's news, as live lock events", () => {
  let stick: MockStick;
  let network: LiveLockNetwork;
  let lock: MockNode;
  const events: LiveLockEvent[] = [];
  /** Resolves with the first event that matches, among those already in and those to come. */
  const next = (match: (e: LiveLockEvent) => boolean): Promise<LiveLockEvent> =>
    new Promise((resolve) => {
      const seen = events.find(match);
      if (seen) return resolve(seen);
      const stop = network.onEvent((e) => {
        if (!match(e)) return;
        stop();
        resolve(e);
      });
    });
  const send = (cc: Parameters<typeof createMockZWaveRequestFrame>[0]) => lock.sendToController(createMockZWaveRequestFrame(cc, { ackRequested: false }));

  beforeAll(async () => {
    stick = await startMockStick([{ id: 2, userCodeVersion: 1, slots: 10 }]);
    lock = stick.nodes.get(2)!;
    network = zwaveNetwork(stick.driver, { path: '/dev/mock-zwave', label: 'Test stick', simulated: true });
    network.onEvent((e) => events.push(e));
  });
  afterAll(async () => {
    await network.close();
    await stick.stop();
  });

  it('a keypad unlock by slot 4, a wrong code and a manual turn', async () => {
    await sendNotification(1, lock, 0x06, 0x06, new Uint8Array([4]));
    expect(await next((e) => e.kind === 'access' && e.access === 'keypad_unlock')).toEqual({ kind: 'access', nodeId: 2, access: 'keypad_unlock', slot: 4 });
    await sendNotification(1, lock, 0x06, 0x13);
    expect(await next((e) => e.kind === 'access' && e.access === 'wrong_code')).toEqual({ kind: 'access', nodeId: 2, access: 'wrong_code', slot: null });
    await sendNotification(1, lock, 0x06, 0x02);
    expect(await next((e) => e.kind === 'access' && e.access === 'manual_unlock')).toMatchObject({ nodeId: 2 });
  });

  it('the bolt thrown and withdrawn', async () => {
    const report = (mode: DoorLockMode) =>
      new DoorLockCCOperationReport({ nodeId: 1, currentMode: mode, outsideHandlesCanOpenDoor: [false, false, false, false], insideHandlesCanOpenDoor: [false, false, false, false], lockTimeout: undefined });
    await send(report(DoorLockMode.Unsecured));
    await send(report(DoorLockMode.Secured));
    expect(await next((e) => e.kind === 'bolt' && e.locked)).toEqual({ kind: 'bolt', nodeId: 2, locked: true });
  });

  it('a code changed at the lock without Porter, and none for Porter\'s own writes', async () => {
    const porters = network.lock(2);
    await porters.writeCodes([{ slot: 5, code: '5050', user: anyone }]);
    await porters.readCodes();
    expect(events.some((e) => e.kind === 'code_changed')).toBe(false);
    // The lock's keypad: slot 5 gets a new code, and the lock reports it.
    lock.state.set('UserCode_userCode_5', '9090');
    await send(new UserCodeCCReport({ nodeId: 1, userId: 5, userIdStatus: UserIDStatus.Enabled, userCode: '9090' }));
    expect(await next((e) => e.kind === 'code_changed')).toEqual({ kind: 'code_changed', nodeId: 2, slot: 5 });
    // The table Porter last read is stale: the next read is the lock's.
    expect((await porters.readCodes()).find((c) => c.slot === 5)).toEqual({ slot: 5, state: 'enabled', code: '9090' });
  });

});

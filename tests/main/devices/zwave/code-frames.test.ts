import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CommandClass } from '@zwave-js/cc';
import type { MockController } from '@zwave-js/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { LiveLock } from '../../../../src/main/devices/live/live-lock-network';
import { bytesPerCode, codeFrameRoom, extendedSetHeaderBytes } from '../../../../src/main/devices/zwave/code-frames';
import { zwaveDriverOptions } from '../../../../src/main/devices/zwave/zwave-driver-options';
import { zwaveNetwork } from '../../../../src/main/devices/zwave/zwave-network';
import { newZWaveKeys } from '../../../../src/main/secrets/zwave-keys';
import type { LockUser } from '../../../../src/shared/domain/matter-door-lock';
import { keypadDeadbolt } from '../../../../simulators/zwave/lock-spec';
import { openSimulatedStick, type SimulatedStick } from '../../../../simulators/zwave/simulated-stick';

/*
 * Bulk code writes on an S2 lock (the simulated keypad deadbolt: User Code v2, S2 Access
 * Control, Supervision) through the real driver: frames filled to what the driver can send
 * under S2 and Supervision, and confirmed by one checksum once the lock's table is known.
 */

const LOCK = 2;
const anyone: LockUser = { userType: 'unrestricted_user', weekDaySchedules: [], yearDaySchedules: [] };
let stick: SimulatedStick;
let cacheDir: string;
let lock: LiveLock;
const sent = new Map<string, number>();

const innermost = (cc: CommandClass): CommandClass => {
  let inner = cc as CommandClass & { encapsulated?: CommandClass };
  while (inner.encapsulated) inner = inner.encapsulated as CommandClass & { encapsulated?: CommandClass };
  return inner;
};

beforeAll(async () => {
  cacheDir = mkdtempSync(join(tmpdir(), 'zframes-test-'));
  // No Schedule Entry Lock: only User Code frames go to the lock for unscheduled codes.
  const spec = keypadDeadbolt({ nodeId: LOCK, schedules: { weekDay: 0, yearDay: 0, dailyRepeating: 0 } });
  stick = await openSimulatedStick({ cacheDir, locks: [spec], driverOptions: zwaveDriverOptions(newZWaveKeys(), cacheDir) });
  lock = zwaveNetwork(stick.driver, { path: 'simulated:zwave', label: 'Simulated Z-Wave stick', simulated: true }).lock(LOCK);
  (stick.controls as unknown as { controller(): MockController })
    .controller()
    .nodes.get(LOCK)!
    .defineBehavior({
      handleCC(_controller, _self, cc) {
        const name = innermost(cc).constructor.name;
        sent.set(name, (sent.get(name) ?? 0) + 1);
        return undefined;
      },
    });
});

afterAll(async () => {
  await stick?.close();
  rmSync(cacheDir, { recursive: true, force: true });
});

beforeEach(() => {
  const state = stick.controls.lock(LOCK);
  for (const slot of [...state.slots.keys()]) state.clearSlot(slot);
  sent.clear();
});

const codes = (n: number) => Array.from({ length: n }, (_, i) => ({ slot: i + 1, code: String(300_000 + i * 7_919), user: anyone }));

describe('code frames on an S2 lock', () => {
  it('reckons the room with S2 and Supervision around the frame, as the driver sends it', () => {
    const node = stick.driver.controller.nodes.get(LOCK)!;
    const secure = codeFrameRoom(stick.driver, node, { supervised: false });
    const supervised = codeFrameRoom(stick.driver, node, { supervised: true });
    // Supervision adds its own command class, command, session and length bytes.
    expect(secure - supervised).toBe(4);
    // At most this many six-digit codes per frame: what the driver will accept to send.
    expect(Math.floor((supervised - extendedSetHeaderBytes) / bytesPerCode('123456'))).toBeGreaterThanOrEqual(1);
  });

  it('writes a dozen codes in as few Extended User Code Sets as the room allows, and the lock takes every one', async () => {
    const node = stick.driver.controller.nodes.get(LOCK)!;
    const perFrame = Math.floor((codeFrameRoom(stick.driver, node, { supervised: true }) - extendedSetHeaderBytes) / bytesPerCode('123456'));
    const outcomes = await lock.writeCodes(codes(12));
    expect(outcomes.map((o) => o.outcome)).toEqual(Array(12).fill('written'));
    expect([...stick.controls.lock(LOCK).slots.keys()].sort((a, b) => a - b)).toEqual(codes(12).map((c) => c.slot));
    expect(sent.get('UserCodeCCExtendedUserCodeSet')).toBe(Math.ceil(12 / perFrame));
  });

  it('confirms a write by one checksum once the lock’s checksum matched the table Porter believed', async () => {
    expect(await lock.codesChecksum([])).toBe(0);
    sent.clear();
    const outcomes = await lock.writeCodes(codes(8));
    expect(outcomes.every((o) => o.outcome === 'written')).toBe(true);
    expect(sent.get('UserCodeCCUserCodeChecksumGet')).toBe(1);
    expect(sent.get('UserCodeCCGet') ?? 0).toBe(0);
    expect(sent.get('UserCodeCCExtendedUserCodeGet') ?? 0).toBe(0);
  });
});

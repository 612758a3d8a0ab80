import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { LiveLock } from '../../../../src/main/devices/live/live-lock-network';
import { bytesPerCode, codeFrameRoom, extendedSetHeaderBytes } from '../../../../src/main/devices/zwave/code-frames';
import type { LockUser } from '../../../../src/shared/domain/matter-door-lock';
import { keypadDeadbolt } from '../../../../simulators/zwave/lock-spec';
import type { SimulatedStick } from '../../../../simulators/zwave/simulated-stick';
import { openFrameCountingLock, type FrameCountingLock } from './frame-counting-lock';

/*
 * Bulk code writes on an S2 lock (the simulated keypad deadbolt: User Code v2, S2 Access
 * Control, Supervision) through the real driver: frames filled to what the driver can send
 * under S2 and Supervision, and confirmed by one checksum once the lock's table is known.
 */

const LOCK = 2;
const anyone: LockUser = { userType: 'unrestricted_user', weekDaySchedules: [], yearDaySchedules: [] };
let stick: SimulatedStick;
let counted: FrameCountingLock;
let lock: LiveLock;
const sent = new Map<string, number>();

beforeAll(async () => {
  // No Schedule Entry Lock: only User Code frames go to the lock for unscheduled codes.
  counted = await openFrameCountingLock(keypadDeadbolt({ nodeId: LOCK, schedules: { weekDay: 0, yearDay: 0, dailyRepeating: 0 } }), sent);
  ({ stick, lock } = counted);
});

afterAll(() => counted?.close());

beforeEach(() => {
  counted.clearSlots();
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

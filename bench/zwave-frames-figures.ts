import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CommandClass } from '@zwave-js/cc';
import type { MockController } from '@zwave-js/testing';
import type { Driver, ZWaveNode } from 'zwave-js';
import { bytesPerCode, codeFrameRoom, extendedSetHeaderBytes } from '../src/main/devices/zwave/code-frames';
import { zwaveDriverOptions } from '../src/main/devices/zwave/zwave-driver-options';
import { zwaveNetwork } from '../src/main/devices/zwave/zwave-network';
import { newZWaveKeys } from '../src/main/secrets/zwave-keys';
import type { LockUser } from '../src/shared/domain/matter-door-lock';
import { keypadDeadbolt, type SimulatedLockSpec } from '../simulators/zwave/lock-spec';
import { openSimulatedStick } from '../simulators/zwave/simulated-stick';
import type { Figure } from './stats';

const nodeId = 2;
const codeCount = 250;
const anyone: LockUser = { userType: 'unrestricted_user', weekDaySchedules: [], yearDaySchedules: [] };
/** 250 distinct six-digit codes, as Porter draws them for a keypad deadbolt. */
const codes = Array.from({ length: codeCount }, (_, i) => ({ slot: i + 1, code: String(100_000 + i * 3_571), user: anyone }));

/** The command inside any encapsulation (S2, Supervision, Multi Channel). */
function innermost(cc: CommandClass): CommandClass {
  let inner = cc as CommandClass & { encapsulated?: CommandClass };
  while (inner.encapsulated) inner = inner.encapsulated as CommandClass & { encapsulated?: CommandClass };
  return inner;
}

/**
 * The floor: the fewest Extended User Code Set commands that carry these codes, each filled to
 * the net payload the driver computes for that command to this node (its maximum payload for
 * the route, less S2's encapsulation), Supervision not counted: User Code CC does not ask for it.
 */
function floorFrames(driver: Driver, node: ZWaveNode, supervised: boolean): { room: number; perFrame: number; frames: number } {
  const room = codeFrameRoom(driver, node, { supervised });
  const perFrame = Math.floor((room - extendedSetHeaderBytes) / bytesPerCode(codes[0]!.code));
  return { room, perFrame, frames: Math.ceil(codeCount / perFrame) };
}

/**
 * Setting 250 codes on one User Code v2 lock (bulk set and checksum; the simulated keypad
 * deadbolt, S2 Access Control, Supervision) through Porter's Z-Wave lock and the real zwave-js
 * driver, from a lock whose table Porter has read: the frames on the Serial API (host to
 * stick), the Z-Wave commands to the lock over the simulated air, the Extended User Code Sets
 * among them, and the time, against the floor above. `label` and `spec` pick the lock.
 */
async function setCodes(label: string, spec: SimulatedLockSpec): Promise<Figure[]> {
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'porter-bench-zframes-'));
  const stick = await openSimulatedStick({ cacheDir, locks: [spec], driverOptions: zwaveDriverOptions(newZWaveKeys(), cacheDir) });
  try {
    const network = zwaveNetwork(stick.driver, { path: 'simulated:zwave', label: 'Simulated Z-Wave stick', simulated: true });
    const lock = network.lock(nodeId);
    // What the live queue does first on a door just assigned: the lock's checksum against the
    // table Porter believes it holds (empty); it matches, so no slot is read.
    if ((await lock.codesChecksum([])) !== lock.checksumOf([])) throw new Error(`${label}: the lock is not empty.`);
    const node = stick.driver.controller.nodes.get(nodeId)!;
    // Counted at the lock, by command, whatever encapsulation carried it.
    const byCommand = new Map<string, number>();
    const world = stick.controls as unknown as { controller(): MockController };
    world.controller().nodes.get(nodeId)!.defineBehavior({
      handleCC(_controller, _self, cc) {
        const name = innermost(cc).constructor.name;
        byCommand.set(name, (byCommand.get(name) ?? 0) + 1);
        return undefined;
      },
    });
    stick.controls.resetFrames();
    const started = performance.now();
    const outcomes = await lock.writeCodes(codes);
    const ms = performance.now() - started;
    const counts = stick.controls.frames();
    const bulkSets = byCommand.get('UserCodeCCExtendedUserCodeSet') ?? 0;
    const written = outcomes.filter((o) => o.outcome === 'written').length;
    if (written !== codeCount || stick.controls.lock(nodeId).slots.size !== codeCount) throw new Error(`${label}: the lock took ${written} of ${codeCount} codes (${outcomes.find((o) => o.outcome !== 'written')?.detail ?? 'its table differs'}).`);
    const floor = floorFrames(stick.driver, node, false);
    const supervisedFloor = floorFrames(stick.driver, node, true);
    const name = `zwave.set250.${label}`;
    return [
      { name: `${name}.time`, value: Math.round(ms), unit: 'ms' },
      { name: `${name}.serialFramesHostToStick`, value: counts.hostToStick, unit: 'count' },
      { name: `${name}.serialFramesStickToHost`, value: counts.stickToHost, unit: 'count' },
      { name: `${name}.commandsToLock`, value: counts.commandsToNodes, unit: 'count' },
      { name: `${name}.commandsFromLock`, value: counts.commandsFromNodes, unit: 'count' },
      { name: `${name}.extendedUserCodeSets`, value: bulkSets, unit: 'count' },
      { name: `${name}.codesPerSet`, value: Math.round((codeCount / bulkSets) * 10) / 10, unit: 'count' },
      ...[...byCommand].sort((x, y) => y[1] - x[1]).map(([command, n]) => ({ name: `${name}.toLock.${command}`, value: n, unit: 'count' })),
      { name: `${name}.floorFrames`, value: floor.frames, unit: 'count' },
      { name: `${name}.floorCodesPerFrame`, value: floor.perFrame, unit: 'count' },
      { name: `${name}.floorRoomBytes`, value: floor.room, unit: 'bytes' },
      { name: `${name}.supervisedFloorFrames`, value: supervisedFloor.frames, unit: 'count' },
      { name: `${name}.supervisedRoomBytes`, value: supervisedFloor.room, unit: 'bytes' },
      { name: `${name}.setsOverFloor`, value: Math.round((bulkSets / floor.frames) * 100) / 100, unit: 'x' },
      { name: `${name}.commandsToLockOverFloor`, value: Math.round((counts.commandsToNodes / floor.frames) * 100) / 100, unit: 'x' },
      { name: `${name}.serialFramesOverFloor`, value: Math.round((counts.hostToStick / floor.frames) * 100) / 100, unit: 'x' },
    ];
  } finally {
    await stick.close();
    fs.rmSync(cacheDir, { recursive: true, force: true });
  }
}

/**
 * 250 codes on the usual unit-door deadbolt (User Code v2 with Schedule Entry Lock), and on the
 * same lock without schedules, so what the schedules cost shows apart from the codes.
 */
export async function zwaveFramesFigures(): Promise<Figure[]> {
  return [
    ...(await setCodes('keypadDeadbolt', keypadDeadbolt({ nodeId }))),
    ...(await setCodes('noSchedules', keypadDeadbolt({ nodeId, schedules: { weekDay: 0, yearDay: 0, dailyRepeating: 0 } }))),
  ];
}

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserIDStatus, type ZWaveNode } from 'zwave-js';
import type { MockController } from '@zwave-js/testing';
import type { MockPort } from '@zwave-js/serial/mock';
import { zwaveDriverOptions } from '../../../../src/main/devices/zwave/zwave-driver-options';
import { newZWaveKeys } from '../../../../src/main/secrets/zwave-keys';
import { keypadDeadbolt } from '../../../../simulators/zwave/lock-spec';
import { openSimulatedStickIn, type SimulatedStick } from '../../../../simulators/zwave/simulated-stick';
import { createSimulatedZWave } from '../../../../simulators/zwave/simulated-zwave';

/**
 * The simulated stick under a host that reads it late, as the console's driver does when its
 * event loop stalls on a loaded machine: the driver does not see the stick's ACK within its
 * 1.6 s, sends the frame again while the stick is still busy with the first copy, and the
 * stick must answer as a real one does (and the code still reach the lock).
 */
const LOCK = 2;
let stick: SimulatedStick;
let cacheDir: string;
let wire: { controller: MockController; mockPort: MockPort };
const node = (): ZWaveNode => stick.driver.controller.nodes.get(LOCK)!;

beforeAll(async () => {
  cacheDir = mkdtempSync(join(tmpdir(), 'zsim-manners-'));
  const world = createSimulatedZWave({ locks: [keypadDeadbolt({ nodeId: LOCK })] });
  const attach = world.attach.bind(world);
  world.attach = (attached) => {
    wire = attached;
    attach(attached);
  };
  stick = await openSimulatedStickIn(world, { cacheDir, driverOptions: zwaveDriverOptions(newZWaveKeys(), cacheDir) });
});

afterAll(async () => {
  await stick?.close();
  rmSync(cacheDir, { recursive: true, force: true });
});

const SOF = 0x01;
const SEND_DATA = [0x13, 0xa9]; // Send Data, Send Data Bridge
const hex = (data: Uint8Array) => Buffer.from(data).toString('hex');

/**
 * From the next Send Data the host writes, the host reads nothing the stick sends for
 * `stallMs` (a stalled event loop), then all of it in order. Returns the Send Data frames written.
 */
function stallTheHostAfterNextSend(stallMs: number): string[] {
  const sent: string[] = [];
  let armed = true;
  let held: Parameters<MockPort['emitData']>[0][] | null = null;
  const emit = wire.mockPort.emitData.bind(wire.mockPort);
  wire.mockPort.emitData = (data) => (held ? held.push(data) : emit(data));
  wire.controller.defineBehavior({
    onHostData: (_controller, data) => {
      if (data[0] !== SOF || !SEND_DATA.includes(data[3]!)) return undefined;
      sent.push(hex(data));
      if (armed) {
        armed = false;
        held = [];
        setTimeout(() => {
          const late = held ?? [];
          held = null;
          for (const bytes of late) emit(bytes);
        }, stallMs);
      }
      return undefined;
    },
  });
  return sent;
}

describe('the simulated stick, with a host that reads it late', () => {
  it('answers the host’s repeated frame as a busy stick does, and the code reaches the lock', async () => {
    // Past the driver's 1.6 s ACK timeout (the Serial API's): the driver sends the frame again.
    const sent = stallTheHostAfterNextSend(2_500);
    await node().commandClasses['User Code'].set(5, UserIDStatus.Enabled, '246810');
    expect(sent.length).toBeGreaterThanOrEqual(2);
    expect(sent[1]).toBe(sent[0]);
    expect(stick.controls.lock(LOCK).slot(5)).toEqual({ status: UserIDStatus.Enabled, code: '246810' });
    // The stick goes on working: the next code goes through as usual.
    await node().commandClasses['User Code'].set(6, UserIDStatus.Enabled, '135791');
    expect(stick.controls.lock(LOCK).slot(6)).toEqual({ status: UserIDStatus.Enabled, code: '135791' });
  });
});

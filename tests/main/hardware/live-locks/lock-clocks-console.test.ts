import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { LiveStickInfo } from '../../../../src/main/devices/live/live-lock-network';
import { zwaveDriverOptions } from '../../../../src/main/devices/zwave/zwave-driver-options';
import { zwaveNetwork } from '../../../../src/main/devices/zwave/zwave-network';
import type { HardwareProvider } from '../../../../src/main/hardware/hardware-provider';
import { newZWaveKeys } from '../../../../src/main/secrets/zwave-keys';
import { keypadDeadbolt } from '../../../../simulators/zwave/lock-spec';
import { openSimulatedStickIn } from '../../../../simulators/zwave/simulated-stick';
import { createSimulatedZWave } from '../../../../simulators/zwave/simulated-zwave';
import { comboUnit, openTestConsole, type TestConsole } from '../../../helpers/test-console';

const stickInfo: LiveStickInfo = { path: 'simulated:zwave', label: 'Simulated Z-Wave stick', simulated: true };
let t: TestConsole | null = null;
let cacheDir: string | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
  if (cacheDir) rmSync(cacheDir, { recursive: true, force: true });
});

describe('a live lock’s clock, set by the console', () => {
  it('is given the community’s offset (Chicago, daylight time in July) when it is assigned to a door', async () => {
    const now = new Date('2026-07-01T17:00:00Z');
    const world = createSimulatedZWave({ locks: [keypadDeadbolt({ nodeId: 2 })], now: () => now.getTime() });
    const dir = mkdtempSync(join(tmpdir(), 'zclock-console-'));
    cacheDir = dir;
    const provider: HardwareProvider = {
      kind: 'real',
      open: () => ({
        buses: [],
        bluetooth: null,
        simulators: null,
        live: {
          listSticks: async () => [stickInfo],
          async openNetwork(info) {
            const stick = await openSimulatedStickIn(world, { cacheDir: dir, driverOptions: zwaveDriverOptions(newZWaveKeys(), dir) });
            const network = zwaveNetwork(stick.driver, info);
            return { ...network, close: () => network.close().then(() => stick.close()) };
          },
        },
        close: async () => {},
      }),
    };
    const c = openTestConsole(undefined, { hardware: provider, now: () => now });
    t = c;
    const call = async (command: 'hardware.liveLocks' | 'hardware.assignLiveLock', input: object) => {
      const answer = await c.core.dispatch(command, input);
      if (!answer.ok) throw new Error(answer.error.message);
      return answer.value as { state: string; locks: { door: { id: string } | null; sync: string }[] };
    };
    for (;;) {
      if ((await call('hardware.liveLocks', {})).state === 'ready') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    // Until assigned, the lock keeps the offset it came with.
    expect(world.lock(2).timeOffset).toEqual({ standardMinutes: 0, dstMinutes: 0 });
    const doorId = c.db.prepare("SELECT id FROM doors WHERE unit_id = ? AND kind = 'unit'").pluck().get(comboUnit) as string;
    await call('hardware.assignLiveLock', { nodeId: 2, doorId });
    for (;;) {
      const overview = await call('hardware.liveLocks', {});
      if (overview.locks.some((l) => l.door?.id === doorId && l.sync === 'in_sync') && world.lock(2).timeOffset.standardMinutes !== 0) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(world.lock(2).timeOffset).toEqual({ standardMinutes: -300, dstMinutes: 0 });
  });
});

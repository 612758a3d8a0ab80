import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CommandClass } from '@zwave-js/cc';
import type { MockController } from '@zwave-js/testing';
import type { LiveLock } from '../../../../src/main/devices/live/live-lock-network';
import { zwaveDriverOptions } from '../../../../src/main/devices/zwave/zwave-driver-options';
import { zwaveNetwork } from '../../../../src/main/devices/zwave/zwave-network';
import { newZWaveKeys } from '../../../../src/main/secrets/zwave-keys';
import type { SimulatedLockSpec } from '../../../../simulators/zwave/lock-spec';
import { openSimulatedStick, type SimulatedStick } from '../../../../simulators/zwave/simulated-stick';

export interface FrameCountingLock {
  stick: SimulatedStick;
  lock: LiveLock;
  /** Empties the simulated lock's slots, as a fresh lock would be. */
  clearSlots(): void;
  close(): Promise<void>;
}

const innermost = (cc: CommandClass): CommandClass => {
  let inner = cc as CommandClass & { encapsulated?: CommandClass };
  while (inner.encapsulated) inner = inner.encapsulated as CommandClass & { encapsulated?: CommandClass };
  return inner;
};

/** One simulated lock on its own stick, counting into `sent` each command the lock receives, by its innermost CC's name (security and Supervision unwrapped). */
export async function openFrameCountingLock(spec: SimulatedLockSpec, sent: Map<string, number>): Promise<FrameCountingLock> {
  const nodeId = spec.nodeId;
  if (nodeId === undefined) throw new Error('A frame-counting lock needs its node id in the spec.');
  const cacheDir = mkdtempSync(join(tmpdir(), 'zframes-test-'));
  const stick = await openSimulatedStick({ cacheDir, locks: [spec], driverOptions: zwaveDriverOptions(newZWaveKeys(), cacheDir) });
  const lock = zwaveNetwork(stick.driver, { path: 'simulated:zwave', label: 'Simulated Z-Wave stick', simulated: true }).lock(nodeId);
  (stick.controls as unknown as { controller(): MockController })
    .controller()
    .nodes.get(nodeId)!
    .defineBehavior({
      handleCC(_controller, _self, cc) {
        const name = innermost(cc).constructor.name;
        sent.set(name, (sent.get(name) ?? 0) + 1);
        return undefined;
      },
    });
  return {
    stick,
    lock,
    clearSlots() {
      const state = stick.controls.lock(nodeId);
      for (const slot of [...state.slots.keys()]) state.clearSlot(slot);
    },
    async close() {
      await stick.close();
      rmSync(cacheDir, { recursive: true, force: true });
    },
  };
}

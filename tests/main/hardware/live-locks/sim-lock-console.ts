import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LiveLockNetwork, LiveStickInfo } from '../../../../src/main/devices/live/live-lock-network';
import { zwaveDriverOptions } from '../../../../src/main/devices/zwave/zwave-driver-options';
import { zwaveNetwork } from '../../../../src/main/devices/zwave/zwave-network';
import type { HardwareProvider } from '../../../../src/main/hardware/hardware-provider';
import { newZWaveKeys } from '../../../../src/main/secrets/zwave-keys';
import type { CommandInput, CommandName, CommandOutput } from '../../../../src/shared/contract';
import type { LiveLockView, LiveNetworkOverview } from '../../../../src/shared/domain';
import type { SimulatedLockSpec } from '../../../../simulators/zwave/lock-spec';
import { openSimulatedStickIn } from '../../../../simulators/zwave/simulated-stick';
import { createSimulatedZWave, type SimulatedZWaveWorld } from '../../../../simulators/zwave/simulated-zwave';
import { openTestConsole, type TestConsole } from '../../../helpers/test-console';

export interface SimLockConsole extends TestConsole {
  /** The simulated locks and stick: the technician's hands. */
  sim: SimulatedZWaveWorld;
  call<C extends CommandName>(command: C, input: CommandInput<C>): Promise<CommandOutput<C>>;
  /** Polls the Z-Wave section (as the page does on each 'live_locks' event) until `probe` answers. */
  until<T>(probe: (o: LiveNetworkOverview) => T | null | undefined | false): Promise<T>;
  /** The lock on a door, once `probe` holds for it. */
  lockOn(doorId: string, probe?: (l: LiveLockView) => boolean): Promise<LiveLockView>;
  /** The activity log's newest line matching `pattern`, once there is one. */
  activity(pattern: RegExp): Promise<string>;
  /** The network the console has open now. */
  network(): LiveLockNetwork;
  /** How many times the console opened the stick. */
  opens(): number;
  close(): Promise<void>;
}

const stickInfo: LiveStickInfo = { path: 'simulated:zwave-test', label: 'Simulated Z-Wave stick', simulated: true };

/** Waits a moment between looks: a condition is polled, never waited for by the clock. */
export const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 50));

export async function waitFor<T>(probe: () => T | null | undefined | false): Promise<T> {
  for (;;) {
    const found = probe();
    if (found) return found;
    await tick();
  }
}

/**
 * A product console (kind 'real') whose Z-Wave stick is the simulator's: the real zwave-js
 * driver on zwave-js's mock controller, the simulated locks behind it (faults, keypad, S2
 * inclusion), listed only while the simulated stick is plugged in, and opened afresh after a
 * replug as a real stick would be.
 */
export async function openSimLockConsole(locks: SimulatedLockSpec[], options: { assign?: Record<number, string> } = {}): Promise<SimLockConsole> {
  const sim = createSimulatedZWave({ locks });
  const cacheDir = mkdtempSync(join(tmpdir(), 'porter-zsim-console-'));
  const keys = newZWaveKeys();
  let opened: LiveLockNetwork | null = null;
  let opens = 0;
  const provider: HardwareProvider = {
    kind: 'real',
    open: () => ({
      buses: [],
      bluetooth: null,
      simulators: null,
      live: {
        listSticks: async () => (sim.isPlugged() ? [stickInfo] : []),
        async openNetwork(info) {
          const stick = await openSimulatedStickIn(sim, { cacheDir, driverOptions: zwaveDriverOptions(keys, cacheDir) });
          const network = zwaveNetwork(stick.driver, info, { watchRemoval: (removed) => sim.watchUnplug(removed) });
          opens += 1;
          opened = { ...network, close: () => network.close().then(() => stick.close()) };
          return opened;
        },
      },
      close: async () => {},
    }),
  };
  const t = openTestConsole(undefined, { hardware: provider });
  const call = async <C extends CommandName>(command: C, input: CommandInput<C>): Promise<CommandOutput<C>> => {
    const answer = await t.core.dispatch(command, input);
    if (!answer.ok) throw Object.assign(new Error(`${command}: ${answer.error.message}`), { code: answer.error.code });
    return answer.value as CommandOutput<C>;
  };
  const until = async <T>(probe: (o: LiveNetworkOverview) => T | null | undefined | false): Promise<T> => {
    for (;;) {
      const found = probe(await call('hardware.liveLocks', {}));
      if (found) return found;
      await tick();
    }
  };
  const activity = async (pattern: RegExp): Promise<string> => {
    for (;;) {
      const page = await call('activity.list', { limit: 50 });
      const found = page.entries.find((e) => pattern.test(e.summary));
      if (found) return found.summary;
      await tick();
    }
  };
  await until((o) => o.state === 'ready' && o.locks.length === locks.length);
  for (const [nodeId, doorId] of Object.entries(options.assign ?? {})) await call('hardware.assignLiveLock', { nodeId: Number(nodeId), doorId });
  return {
    ...t,
    sim,
    call,
    until,
    activity,
    lockOn: (doorId, probe = () => true) => until((o) => o.locks.find((l) => l.door?.id === doorId && probe(l))),
    network: () => opened!,
    opens: () => opens,
    async close() {
      await t.close();
      rmSync(cacheDir, { recursive: true, force: true });
    },
  };
}

export const unitDoor = (c: TestConsole, unitId: string): string => c.db.prepare("SELECT id FROM doors WHERE unit_id = ? AND kind = 'unit'").pluck().get(unitId) as string;
export const slotOf = (c: TestConsole, credentialId: string, doorId: string): number =>
  c.db.prepare('SELECT slot FROM door_credentials WHERE credential_id = ? AND door_id = ?').pluck().get(credentialId, doorId) as number;
export const codeOf = (c: TestConsole, credentialId: string): string => c.db.prepare('SELECT pin_code FROM credentials WHERE id = ?').pluck().get(credentialId) as string;

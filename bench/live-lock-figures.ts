import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore } from '../src/main/core';
import type { Core } from '../src/main/core-types';
import type { LiveStickInfo } from '../src/main/devices/live/live-lock-network';
import { zwaveDriverOptions } from '../src/main/devices/zwave/zwave-driver-options';
import { zwaveNetwork } from '../src/main/devices/zwave/zwave-network';
import type { HardwareProvider } from '../src/main/hardware/hardware-provider';
import { newZWaveKeys } from '../src/main/secrets/zwave-keys';
import { openDatabase } from '../src/main/store/database';
import type { CommandInput, CommandName, CommandOutput } from '../src/shared/contract';
import type { LiveNetworkOverview } from '../src/shared/domain';
import { keypadDeadbolt } from '../simulators/zwave/lock-spec';
import type { SimLockState } from '../simulators/zwave/sim-lock-state';
import { openSimulatedStick, type SimulatedStick } from '../simulators/zwave/simulated-stick';
import { percentile, type Figure } from './stats';

/** A demo unit whose door takes PIN codes; its door gets the simulated Z-Wave deadbolt. */
const unitId = 'north-204';
const nodeId = 2;
const stickInfo: LiveStickInfo = { path: 'simulated:zwave', label: 'Simulated Z-Wave stick', simulated: true };

/** A console (kind 'real', as a product console with a stick plugged in) whose one stick is the simulated one. */
function simulatedStickProvider(cacheDir: string, opened: (stick: SimulatedStick) => void): HardwareProvider {
  const keys = newZWaveKeys();
  return {
    kind: 'real',
    open: () => ({
      buses: [],
      bluetooth: null,
      simulators: null,
      live: {
        listSticks: async () => [stickInfo],
        async openNetwork(info) {
          const stick = await openSimulatedStick({ cacheDir, locks: [keypadDeadbolt({ nodeId })], driverOptions: zwaveDriverOptions(keys, cacheDir) });
          opened(stick);
          const network = zwaveNetwork(stick.driver, info);
          return { ...network, close: () => network.close().then(() => stick.close()) };
        },
      },
      close: async () => {},
    }),
  };
}

/** Resolves when `probe` holds, checked after each 'live_locks' news from the core (as the Hardware page refreshes). */
function whenOverview(core: Core, probe: (o: LiveNetworkOverview) => boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    let checking = false;
    let again = false;
    const check = async (): Promise<void> => {
      if (checking) return void (again = true);
      checking = true;
      try {
        do {
          again = false;
          const answer = await core.dispatch('hardware.liveLocks', {});
          if (answer.ok && probe(answer.value as LiveNetworkOverview)) {
            stop();
            return resolve();
          }
        } while (again);
      } catch (error) {
        stop();
        reject(error as Error);
      } finally {
        checking = false;
      }
    };
    const stop = core.onEvent((event, payload) => {
      if (event === 'data.changed' && (payload as { topics: string[] }).topics.includes('live_locks')) void check();
    });
    void check();
  });
}

/** Resolves with the time the simulated lock takes a code into a slot (its own table, before any report). */
function whenLockHolds(lock: SimLockState): Promise<{ at: number; code: string }> {
  return new Promise((resolve) => {
    const setSlot = lock.setSlot.bind(lock);
    lock.setSlot = (userId, status, value) => {
      setSlot(userId, status, value);
      if (value !== '') {
        lock.setSlot = setSlot;
        resolve({ at: performance.now(), code: value });
      }
    };
  });
}

/**
 * From a grant made as staff make it (`access.grant` through the core: guidelines, PIN
 * allocation, the door's desired table, the live queue) to the simulated Z-Wave lock: when it
 * holds the code, and when the console has the lock's report of it and shows the door In sync.
 * The same grant is then revoked and the lock's report of the empty slot awaited, so each run
 * starts from the same lock. Real zwave-js driver, S2, Supervision, mock controller; the
 * simulated radio has no air time, so the figure is Porter's and the driver's.
 */
export async function liveLockFigures(runs = 40): Promise<Figure[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'porter-bench-zwave-'));
  let stick: SimulatedStick | null = null;
  const core = createCore({
    dataDir,
    loadDemoWhenEmpty: true,
    operator: { id: 'avery', name: 'Avery Brooks', role: 'admin' },
    hardware: simulatedStickProvider(path.join(dataDir, 'zwave'), (s) => (stick = s)),
    logError: (command, error) => console.error(command, error),
  });
  const call = async <C extends CommandName>(command: C, input: CommandInput<C>): Promise<CommandOutput<C>> => {
    const answer = await core.dispatch(command, input);
    if (!answer.ok) throw new Error(`${command}: ${answer.error.message}`);
    return answer.value as CommandOutput<C>;
  };
  try {
    await whenOverview(core, (o) => o.state === 'ready' && o.locks.length === 1);
    // A second connection to the console's store, as the tests look: the contract never shows a code.
    const db = openDatabase({ dataDir });
    const doorId = db.prepare("SELECT id FROM doors WHERE unit_id = ? AND kind = 'unit'").pluck().get(unitId) as string;
    const codeOf = (credentialId: string) => db.prepare('SELECT pin_code FROM credentials WHERE id = ?').pluck().get(credentialId) as string;
    const inSync = (o: LiveNetworkOverview): boolean => o.locks.some((l) => l.door?.id === doorId && l.sync === 'in_sync' && l.pendingSince === null && l.unreachedRevokes.length === 0);
    await call('hardware.assignLiveLock', { nodeId, doorId });
    await whenOverview(core, inSync);
    const lock = (stick as SimulatedStick | null)!.controls.lock(nodeId);

    const held: number[] = [];
    const synced: number[] = [];
    const revoked: number[] = [];
    // Two runs to warm the JIT and the S2 nonces, not counted.
    for (let i = -2; i < runs; i++) {
      const holds = whenLockHolds(lock);
      const started = performance.now();
      const grant = await call('access.grant', { unitId, kind: 'pin', audience: 'guest', schedule: { type: 'permanent' }, guest: { name: `Bench guest ${i + 2}`, phone: '(312) 555-0142' } });
      await whenOverview(core, inSync);
      const syncedAt = performance.now();
      const { at: heldAt, code } = await holds;
      if (code !== codeOf(grant.id)) throw new Error('The lock took a code other than the grant’s.');
      const revokeStarted = performance.now();
      await call('access.revoke', { credentialId: grant.id });
      await whenOverview(core, inSync);
      if (i < 0) continue;
      held.push(heldAt - started);
      synced.push(syncedAt - started);
      revoked.push(performance.now() - revokeStarted);
    }
    db.close();
    const ms = (n: number) => Math.round(n * 10) / 10;
    return [
      { name: 'zwave.grantToLockHolds p50', value: ms(percentile(held, 50)), unit: 'ms' },
      { name: 'zwave.grantToLockHolds p95', value: ms(percentile(held, 95)), unit: 'ms' },
      { name: 'zwave.grantToInSync p50', value: ms(percentile(synced, 50)), unit: 'ms' },
      { name: 'zwave.grantToInSync p95', value: ms(percentile(synced, 95)), unit: 'ms' },
      { name: 'zwave.revokeToInSync p50', value: ms(percentile(revoked, 50)), unit: 'ms' },
      { name: 'zwave.revokeToInSync p95', value: ms(percentile(revoked, 95)), unit: 'ms' },
      { name: 'zwave.grantRuns', value: runs, unit: 'count' },
    ];
  } finally {
    await core.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

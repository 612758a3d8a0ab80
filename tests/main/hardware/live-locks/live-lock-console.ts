import { afterEach } from 'vitest';
import type { LiveLockNetwork, LiveStickInfo } from '../../../../src/main/devices/live/live-lock-network';
import { zwaveNetwork } from '../../../../src/main/devices/zwave/zwave-network';
import type { HardwareProvider } from '../../../../src/main/hardware/hardware-provider';
import type { CommandInput, CommandName, CommandOutput } from '../../../../src/shared/contract';
import type { LiveLockView, LiveNetworkOverview } from '../../../../src/shared/domain';
import { startMockStick, type MockLock, type MockStick } from '../../devices/zwave/mock-stick';
import { openTestConsole, type TestConsole } from '../../../helpers/test-console';

export interface LiveLockConsole extends TestConsole {
  stick: MockStick;
  call<C extends CommandName>(command: C, input: CommandInput<C>): Promise<CommandOutput<C>>;
  /** Polls the Z-Wave section (as the page does on each 'live_locks' event) until `probe` answers. */
  until<T>(probe: (o: LiveNetworkOverview) => T | null | undefined | false): Promise<T>;
  /** The lock on a door, once `probe` holds for it. */
  lockOn(doorId: string, probe?: (l: LiveLockView) => boolean): Promise<LiveLockView>;
  /** The network the console opened (to look at the lock as the driver sees it). */
  network(): LiveLockNetwork;
  close(): Promise<void>;
}

const stickInfo: LiveStickInfo = { path: '/dev/mock-zwave', label: 'Test Z-Wave stick', simulated: true };

/**
 * A product console (kind 'real') with a Z-Wave stick on the test's bench: the real zwave-js
 * driver on zwave-js's mock controller, in this process, and the mock locks given.
 */
export async function openLiveLockConsole(locks: MockLock[], options: { now?: () => Date; assign?: Record<number, string> } = {}): Promise<LiveLockConsole> {
  const stick = await startMockStick(locks);
  let opened: LiveLockNetwork | null = null;
  const provider: HardwareProvider = {
    kind: 'real',
    open: () => ({
      buses: [],
      bluetooth: null,
      simulators: null,
      live: {
        listSticks: async () => [stickInfo],
        openNetwork: async (info) => (opened = zwaveNetwork(stick.driver, info)),
      },
      close: async () => {},
    }),
  };
  const t = openTestConsole(undefined, { hardware: provider, now: options.now });
  const call = async <C extends CommandName>(command: C, input: CommandInput<C>): Promise<CommandOutput<C>> => {
    const answer = await t.core.dispatch(command, input);
    if (!answer.ok) throw Object.assign(new Error(`${command}: ${answer.error.message}`), { code: answer.error.code });
    return answer.value as CommandOutput<C>;
  };
  const until = async <T>(probe: (o: LiveNetworkOverview) => T | null | undefined | false): Promise<T> => {
    for (;;) {
      const found = probe(await call('hardware.liveLocks', {}));
      if (found) return found;
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  await until((o) => o.state === 'ready' && o.locks.length === locks.length);
  for (const [nodeId, doorId] of Object.entries(options.assign ?? {})) await call('hardware.assignLiveLock', { nodeId: Number(nodeId), doorId });
  return {
    ...t,
    stick,
    call,
    until,
    lockOn: (doorId, probe = () => true) => until((o) => o.locks.find((l) => l.door?.id === doorId && probe(l))),
    network: () => opened!,
    async close() {
      await t.close();
      await stick.stop();
    },
  };
}

/** For a test file: opens a console per test (`open(locks, options)`) and closes it after each, pass or fail. */
export function liveLockConsolePerTest(): typeof openLiveLockConsole {
  let open: LiveLockConsole | null = null;
  afterEach(async () => {
    await open?.close();
    open = null;
  });
  return async (...args) => (open = await openLiveLockConsole(...args));
}

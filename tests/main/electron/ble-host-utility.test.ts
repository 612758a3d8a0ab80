/**
 * The BLE host under Electron: the core (in its worker) asks the main process on a port, and
 * main starts the host as a utility process, since a packaged app cannot fork itself as Node.
 */
import path from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { forkHost, hostThroughLauncher, serveHostLaunches } from '../../../src/main/devices/links/ble-host/host-process';
import type { FromHost, ToHost } from '../../../src/main/devices/links/ble-host/ble-host-messages';
import { startBleHostLauncher } from '../../../src/main/electron/ble-host-utility';
import type { BluetoothOverview } from '../../../src/shared/domain';
import { openHardwareConsole, type HardwareConsole } from '../../helpers/hardware-console';
import { comboUnit, jane } from '../../helpers/test-console';
import { FakeUtilityProcess, resetElectronMock, utilityProcess } from '../../mocks/electron';

beforeEach(resetElectronMock);

describe('the main process launches BLE hosts as utility processes', () => {
  function launched() {
    const host = hostThroughLauncher(startBleHostLauncher('/opt/Porter/resources/app.asar/out/main/ble-host.js'));
    const heard: FromHost[] = [];
    const exits = vi.fn();
    host.onMessage((message) => heard.push(message));
    host.onExit(exits);
    return { host, heard, exits };
  }
  const child = async () => vi.waitFor(() => FakeUtilityProcess.instances[0] ?? Promise.reject(new Error('not yet forked')));

  it('forks the bundled entry as "Porter Bluetooth", without ELECTRON_RUN_AS_NODE, and relays both ways, bytes intact', async () => {
    const { host, heard } = launched();
    const write: ToHost = { type: 'call', id: 7, call: { op: 'write', connectionId: 1, uuid: 'f00d', value: new Uint8Array([1, 2, 255]) } };
    host.send(write);
    const forked = await child();
    expect(utilityProcess.fork).toHaveBeenCalledExactlyOnceWith('/opt/Porter/resources/app.asar/out/main/ble-host.js', [], { serviceName: 'Porter Bluetooth', stdio: 'inherit' });
    expect(JSON.stringify(forked.options)).not.toContain('ELECTRON_RUN_AS_NODE');
    await vi.waitFor(() => expect(forked.sent).toEqual([write]));
    expect((forked.sent[0] as typeof write & { call: { value: unknown } }).call.value).toBeInstanceOf(Uint8Array);

    const notification: FromHost = { type: 'notification', connectionId: 1, uuid: 'beef', value: new Uint8Array([9, 8]) };
    forked.emit('message', notification);
    await vi.waitFor(() => expect(heard).toEqual([notification]));
  });

  it('tells the core when the host ends, and ends the host when the core asks', async () => {
    const first = launched();
    first.host.kill();
    const forked = await child();
    await vi.waitFor(() => expect(forked.kill).toHaveBeenCalledOnce());
    await vi.waitFor(() => expect(first.exits).toHaveBeenCalledOnce());
    // Nothing more goes to a host that has gone.
    first.host.send({ type: 'abort', id: 1 });
    await new Promise((resolve) => setImmediate(resolve));
    expect(forked.postMessage).not.toHaveBeenCalled();
  });

  it('ends the host when the core’s side of the port closes (the worker stopped)', async () => {
    const { port1, port2 } = new MessageChannel();
    serveHostLaunches(port1, () => {
      const forked = utilityProcess.fork('/x/ble-host.js', [], {});
      return { send: (m) => forked.postMessage(m), onMessage: () => undefined, onExit: (l) => forked.once('exit', l), kill: () => void forked.kill() };
    });
    const { port1: mine, port2: theirs } = new MessageChannel();
    port2.postMessage({ type: 'launch', port: theirs }, [theirs]);
    const forked = await child();
    mine.close();
    await vi.waitFor(() => expect(forked.kill).toHaveBeenCalledOnce());
    port2.close();
  });

  it('a request that is not a launch with a port is ignored', async () => {
    const { port1, port2 } = new MessageChannel();
    let killed!: () => void;
    const servedProper = new Promise<void>((resolve) => (killed = resolve));
    const launch = vi.fn(() => ({ send: () => undefined, onMessage: () => undefined, onExit: () => undefined, kill: killed }));
    serveHostLaunches(port1, launch);
    port2.postMessage({ type: 'launch' });
    port2.postMessage('launch');
    port2.postMessage(null);
    // A port delivers in order: once this proper launch's host is told to stop, the three above were read.
    const { port1: mine, port2: theirs } = new MessageChannel();
    port2.postMessage({ type: 'launch', port: theirs }, [theirs]);
    mine.postMessage({ type: 'kill' });
    await servedProper;
    expect(launch).toHaveBeenCalledOnce();
    mine.close();
    port2.close();
  });
});

describe('a real BLE host started through the launcher, speaking as a utility process', () => {
  let t: HardwareConsole | null = null;
  afterEach(async () => {
    await t?.close();
    t = null;
  });

  it('programs a pending Bluetooth lock over the simulated dongle', async () => {
    const { port1, port2 } = new MessageChannel();
    const execArgv = ['--import', 'tsx', '--import', path.resolve('tests/main/electron/utility-process-shim.mjs')];
    const stop = serveHostLaunches(port1, () => forkHost({ path: path.resolve('src/main/devices/links/ble-host/ble-host-entry.ts'), execArgv }));
    try {
      t = openHardwareConsole({ bleHost: { launcher: port2 } });
      const c = t;
      const doorId = c.db.prepare("SELECT id FROM doors WHERE unit_id = ? AND kind = 'unit'").pluck().get(comboUnit) as string;
      await c.call('access.grant', { unitId: comboUnit, kind: 'pin', audience: 'guest', schedule: { type: 'permanent' }, guest: jane });
      const lock = await until(c, (o) => o.state === 'scanning' && o.locks.find((l) => l.door?.id === doorId && l.pending));
      await c.call('hardware.program', { programmerId: lock.id });
      const job = await until(c, (o) => {
        const found = o.locks.find((l) => l.id === lock.id)?.job;
        return found && found.status !== 'running' ? found : null;
      });
      expect(job).toMatchObject({ status: 'succeeded' });
      expect((await c.call('units.get', { unitId: comboUnit })).unit.doorStatus).toBe('in_sync');
    } finally {
      stop();
    }
  });
});

async function until<T>(c: HardwareConsole, probe: (o: BluetoothOverview) => T | null | undefined | false): Promise<T> {
  for (;;) {
    const found = probe(await c.call('hardware.bluetooth', {}));
    if (found) return found;
    await new Promise((r) => setTimeout(r, 50));
  }
}

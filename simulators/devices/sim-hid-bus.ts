import type { HidBus, HidDeviceInfo } from '../../src/main/devices/link';
import { SimHidDevice } from './sim-hid-device';
import { SimHidLink, type SimPort } from './sim-hid-link';
import { PacedWire } from './sim-hid-wire';

export interface SimHidBusOptions {
  /** Milliseconds that do not drift; performance.now by default. */
  clock?: () => number;
}

/**
 * A USB bus of simulated key-programmers, plugged in and pulled out while the console runs.
 * Each attached programmer gets a full-speed cable: one 64-byte report per 1 ms frame each way
 * (see PacedWire), so transfers take as long as on the real thing and `link.stats()` can be
 * held against the limit, `wireLimitMs(bytes)`.
 */
export class SimHidBus implements HidBus {
  private readonly clock: () => number;
  private readonly ports = new Map<SimHidDevice, SimPort & { unwatch: () => void }>();

  constructor(options: SimHidBusOptions = {}) {
    this.clock = options.clock ?? (() => performance.now());
  }

  /** Plugs a programmer in (a new one unless given) and returns it. */
  attach(device: SimHidDevice = new SimHidDevice()): SimHidDevice {
    if (this.ports.has(device)) {
      device.replug();
      return device;
    }
    const port: SimPort = { device, toDevice: new PacedWire(this.clock), toHost: new PacedWire(this.clock), links: new Set() };
    device.connect((report) => {
      const deliver = (arrived: Uint8Array) => {
        for (const link of port.links) link.deliver(arrived);
      };
      // The programmer does not wait for its reports to go out; one cut off by unplugging is just lost.
      port.toHost.send(report, deliver).catch(() => undefined);
    });
    const unwatch = device.onPlugChange((plugged) => {
      if (plugged) return;
      port.toDevice.cut();
      port.toHost.cut();
      for (const link of port.links) link.lost();
      port.links.clear();
    });
    this.ports.set(device, Object.assign(port, { unwatch }));
    device.replug();
    return device;
  }

  /** Pulls a programmer out and forgets it. */
  detach(device: SimHidDevice): void {
    const port = this.ports.get(device);
    if (!port) return;
    device.unplug();
    port.unwatch();
    device.connect(null);
    this.ports.delete(device);
  }

  /** The programmers on this bus, plugged in or not. */
  devices(): SimHidDevice[] {
    return [...this.ports.keys()];
  }

  async list(): Promise<HidDeviceInfo[]> {
    return this.devices()
      .filter((device) => device.plugged)
      .map((device) => device.info);
  }

  async open(path: string): Promise<SimHidLink> {
    const port = [...this.ports.values()].find((p) => p.device.plugged && p.device.info.path === path);
    if (!port) throw new Error(`No key-programmer at ${path}`);
    const link = new SimHidLink(port.device.info, port, this.clock);
    port.links.add(link);
    return link;
  }
}

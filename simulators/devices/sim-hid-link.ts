import { DisconnectNotice } from '../../src/main/devices/links/disconnect-notice';
import { ReportQueue } from '../../src/main/devices/links/report-queue';
import { HID_REPORT_SIZE, LinkClosedError, type HidDeviceInfo, type HidLink } from '../../src/main/devices/link';
import type { SimHidDevice } from './sim-hid-device';
import type { PacedWire } from './sim-hid-wire';

/** Reports and bytes that crossed the cable in one direction, and when the first and last arrived. */
export interface WireCount {
  reports: number;
  bytes: number;
  /** Clock time (ms) the first report arrived, or null. */
  firstAt: number | null;
  lastAt: number | null;
}

export interface SimLinkStats {
  toDevice: WireCount;
  toHost: WireCount;
}

/** The programmer's end of the cable as the bus wires it: the device and its two pipes. */
export interface SimPort {
  device: SimHidDevice;
  toDevice: PacedWire;
  toHost: PacedWire;
  links: Set<SimHidLink>;
}

/**
 * A host's open handle on a simulated programmer. Output reports go down the port's shared
 * OUT pipe (every handle on the device shares its frames); every input report the device sends
 * comes up to every open handle, as hidraw gives each reader its own copy.
 */
export class SimHidLink implements HidLink {
  private readonly queue = new ReportQueue();
  private readonly disconnect = new DisconnectNotice();
  private readonly counts: SimLinkStats = { toDevice: emptyCount(), toHost: emptyCount() };

  constructor(
    readonly info: HidDeviceInfo,
    private readonly port: SimPort,
    private readonly clock: () => number,
  ) {}

  async write(report: Uint8Array): Promise<void> {
    if (report.length !== HID_REPORT_SIZE) throw new RangeError(`A report is ${HID_REPORT_SIZE} bytes, not ${report.length}`);
    if (this.queue.closed) throw new LinkClosedError();
    await this.port.toDevice.send(report.slice(), (sent) => {
      this.count(this.counts.toDevice, sent);
      this.port.device.receive(sent);
    });
  }

  read(signal: AbortSignal): Promise<Uint8Array> {
    return this.queue.read(signal);
  }

  async close(): Promise<void> {
    this.queue.close();
    this.port.links.delete(this);
  }

  onDisconnect(listener: () => void): () => void {
    return this.disconnect.subscribe(listener);
  }

  /** What has crossed the cable through this handle so far. */
  stats(): SimLinkStats {
    return { toDevice: { ...this.counts.toDevice }, toHost: { ...this.counts.toHost } };
  }

  /** @internal An input report reaching this handle. */
  deliver(report: Uint8Array): void {
    if (this.queue.closed) return;
    this.count(this.counts.toHost, report);
    this.queue.push(report.slice());
  }

  /** @internal The cable was pulled. */
  lost(): void {
    if (this.queue.closed) return;
    this.queue.close(new LinkClosedError('The key-programmer was unplugged'));
    this.disconnect.fire();
  }

  private count(count: WireCount, report: Uint8Array): void {
    const now = this.clock();
    count.reports += 1;
    count.bytes += report.length;
    count.firstAt ??= now;
    count.lastAt = now;
  }
}

function emptyCount(): WireCount {
  return { reports: 0, bytes: 0, firstAt: null, lastAt: null };
}

import type { HIDAsync } from 'node-hid';
import { HID_REPORT_SIZE, LinkClosedError, type HidDeviceInfo, type HidLink } from '../link';
import { DisconnectNotice } from './disconnect-notice';
import { ReportQueue } from './report-queue';

/**
 * A key-programmer opened through node-hid. Input reports arrive as 'data' events (node-hid
 * reads in its own thread) and wait in a queue until the session reads them; an 'error'
 * event or a failed write means the device is gone.
 */
export class NodeHidLink implements HidLink {
  private readonly queue = new ReportQueue();
  private readonly disconnect = new DisconnectNotice();
  private closing = false;

  constructor(
    private readonly device: HIDAsync,
    readonly info: HidDeviceInfo,
  ) {
    device.on('data', (data: Buffer) => this.queue.push(inputReport(data)));
    device.on('error', () => this.lost());
  }

  async write(report: Uint8Array): Promise<void> {
    if (report.length !== HID_REPORT_SIZE) throw new RangeError(`A report is ${HID_REPORT_SIZE} bytes, not ${report.length}`);
    if (this.queue.closed) throw new LinkClosedError();
    // The interface has no numbered reports, so hidapi wants report id 0 in front.
    const out = Buffer.alloc(HID_REPORT_SIZE + 1);
    out.set(report, 1);
    try {
      await this.device.write(out);
    } catch (error) {
      this.lost();
      throw new LinkClosedError(`Writing to the key-programmer failed: ${String(error)}`);
    }
  }

  read(signal: AbortSignal): Promise<Uint8Array> {
    return this.queue.read(signal);
  }

  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    this.queue.close();
    await this.device.close().catch(() => undefined); // closing a device already gone may throw
  }

  onDisconnect(listener: () => void): () => void {
    return this.disconnect.subscribe(listener);
  }

  private lost(): void {
    if (this.closing) return;
    this.queue.close();
    this.disconnect.fire();
    void this.close();
  }
}

/**
 * One input report as 64 bytes. Some platforms hand over the report id 0 in front (65 bytes)
 * or trim trailing bytes; both are made the same here.
 */
export function inputReport(data: Uint8Array): Uint8Array {
  const body = data.length === HID_REPORT_SIZE + 1 && data[0] === 0 ? data.subarray(1) : data;
  const report = new Uint8Array(HID_REPORT_SIZE);
  report.set(body.subarray(0, HID_REPORT_SIZE));
  return report;
}

import type { VirtualPeripheral } from '../../../src/main/devices/ble/gatt';
import { ADVERTISING_DELAY_MAX_MS } from './controller-timing';
import { addressOctets, LeSubevent, leMetaEvent } from './hci-wire';

/** Advertising report event types (LE Advertising Report, Vol 4 Part E 7.7.65.2). */
export const AdvertisingEventType = { connectableUndirected: 0x00, scanResponse: 0x04 } as const;

export interface AdvertisingReport {
  eventType: number;
  address: string;
  data: Uint8Array;
  rssi: number;
}

/** Random static addresses: the address type every simulated peripheral reports. */
const randomAddressType = 0x01;
const maxEventParams = 255;

/**
 * When each peripheral advertises next: every interval plus advDelay, from a random phase so a
 * crowd of locks does not advertise in step.
 */
export class AdvertisingSchedule {
  private readonly next = new Map<VirtualPeripheral, number>();

  constructor(
    private readonly intervalMs: number,
    private readonly random: () => number,
  ) {}

  add(peripheral: VirtualPeripheral, now: number): void {
    this.next.set(peripheral, now + this.random() * this.intervalMs);
  }

  remove(peripheral: VirtualPeripheral): void {
    this.next.delete(peripheral);
  }

  get peripherals(): VirtualPeripheral[] {
    return [...this.next.keys()];
  }

  /** The peripherals whose advertising event fell due by `now`, each once. */
  due(now: number): VirtualPeripheral[] {
    const due: VirtualPeripheral[] = [];
    for (const [peripheral, at] of this.next) {
      if (at > now) continue;
      due.push(peripheral);
      const following = at + this.intervalMs + this.random() * ADVERTISING_DELAY_MAX_MS;
      // Nobody listened for a while (no scan): start again from now rather than replay the past.
      this.next.set(peripheral, following > now ? following : now + this.random() * this.intervalMs);
    }
    return due;
  }
}

/** Reports packed into as few LE Advertising Report events as their 255 octets allow. */
export function advertisingReportEvents(reports: readonly AdvertisingReport[]): Uint8Array[] {
  const events: Uint8Array[] = [];
  let batch: number[][] = [];
  let size = 2; // subevent code and Num_Reports
  const flush = () => {
    if (batch.length > 0) events.push(leMetaEvent(LeSubevent.advertisingReport, Uint8Array.of(batch.length, ...batch.flat())));
    batch = [];
    size = 2;
  };
  for (const report of reports) {
    const encoded = encodeReport(report);
    if (size + encoded.length > maxEventParams) flush();
    batch.push(encoded);
    size += encoded.length;
  }
  flush();
  return events;
}

/** One report, its fields in sequence (how controllers send them and how noble reads them). */
function encodeReport(report: AdvertisingReport): number[] {
  if (report.data.length > 31) throw new RangeError(`Advertising data of ${report.data.length} octets exceeds 31`);
  const rssi = Math.max(-127, Math.min(20, Math.round(report.rssi)));
  return [report.eventType, randomAddressType, ...addressOctets(report.address), report.data.length, ...report.data, rssi & 0xff];
}

/**
 * The simulated radio's link budget. A real BLE link moves data only at connection events, a few
 * link-layer PDUs each way per event, 27 octets of payload per PDU without Data Length Extension
 * (which this controller does not offer, as many BLE 4.x dongles do not). These numbers decide
 * the throughput the console sees through noble, and `npm run bench` reports its figures as a
 * ratio to `linkLimits`.
 */

/** The connection interval the controller picks (noble asks for 7.5 to 22.5 ms). */
export const DEFAULT_CONNECTION_INTERVAL_MS = 15;
/** Link-layer data PDUs each way per connection event. */
export const DEFAULT_PDUS_PER_EVENT = 4;
/** Payload octets of one link-layer data PDU (no Data Length Extension). */
export const LL_PAYLOAD_OCTETS = 27;
/** The LE ACL buffers the controller reports: one buffer holds one PDU's payload. */
export const LE_ACL_BUFFER_SIZE = LL_PAYLOAD_OCTETS;
export const LE_ACL_BUFFER_COUNT = 8;
/** How often each peripheral advertises. */
export const DEFAULT_ADVERTISING_INTERVAL_MS = 100;
/** advDelay: every advertising event is pushed back by a random 0 to 10 ms (Vol 6 Part B 4.4.2.2). */
export const ADVERTISING_DELAY_MAX_MS = 10;
/** The peripherals' ATT server answers Exchange MTU with this. */
export const DEFAULT_ATT_MTU = 247;
/** The scanner's wake-up period: advertising reports that fell due meanwhile go out together. */
export const SCAN_TICK_MS = 10;
/** L2CAP basic header: length and channel id. */
export const L2CAP_HEADER_OCTETS = 4;

export interface ControllerTiming {
  connectionIntervalMs: number;
  /** At most this many ACL packets (PDUs) each way per connection event. */
  pdusPerEvent: number;
  advertisingIntervalMs: number;
  attMtu: number;
  /** Replaces the supervision timeout the central asks for in LE Create Connection (noble: 420 ms). */
  supervisionTimeoutMs: number | null;
}

export const defaultTiming: ControllerTiming = {
  connectionIntervalMs: DEFAULT_CONNECTION_INTERVAL_MS,
  pdusPerEvent: DEFAULT_PDUS_PER_EVENT,
  advertisingIntervalMs: DEFAULT_ADVERTISING_INTERVAL_MS,
  attMtu: DEFAULT_ATT_MTU,
  supervisionTimeoutMs: null,
};

/** PDUs one ATT PDU of `attOctets` takes on the air. */
export function pdusForAttPdu(attOctets: number): number {
  return Math.ceil((attOctets + L2CAP_HEADER_OCTETS) / LL_PAYLOAD_OCTETS);
}

export interface LinkLimits {
  /** Value bytes per second one way, notifications back to back, each `mtu - 3` bytes. */
  notifyBytesPerSecond: number;
  /** Value bytes per second of Write Requests of `mtu - 3` bytes, each waiting for its response. */
  writeWithResponseBytesPerSecond: number;
}

/**
 * What the modeled link allows at `mtu`. A write takes the events its PDUs need; its response
 * goes out at the next event (the peripheral answers what it received in one event at the next),
 * and the host sends the next write after that. Notifications stream at the PDU budget.
 */
export function linkLimits(timing: Pick<ControllerTiming, 'connectionIntervalMs' | 'pdusPerEvent'>, mtu: number): LinkLimits {
  const value = mtu - 3;
  const pdus = pdusForAttPdu(mtu);
  const seconds = timing.connectionIntervalMs / 1000;
  const writeEvents = Math.ceil(pdus / timing.pdusPerEvent) + 1;
  return {
    notifyBytesPerSecond: value / ((pdus / timing.pdusPerEvent) * seconds),
    writeWithResponseBytesPerSecond: value / (writeEvents * seconds),
  };
}

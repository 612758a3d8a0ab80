/**
 * The HID link: the bottom layer of the key-programmer stack. A link moves whole 64-byte
 * reports and knows nothing of channels or messages; framing and the session sit on top.
 * Real links (node-hid) live in `links/`, simulated ones in `sim/`; both implement this.
 */

export interface HidDeviceInfo {
  /** Where the OS put the device (a hidraw node, an IOKit or Windows path); changes on replug. */
  path: string;
  vendorId: number;
  productId: number;
  usagePage: number;
  usage: number;
  serialNumber: string | null;
  product: string | null;
  /** True for a programmer that lives in `sim/`, so the UI can say so. */
  simulated: boolean;
}

export interface HidLink {
  readonly info: HidDeviceInfo;
  /** Sends one output report of exactly 64 bytes; a real link prepends report id 0. */
  write(report: Uint8Array): Promise<void>;
  /**
   * The next 64-byte input report. Rejects with `LinkClosedError` once the device is unplugged
   * or the link closed, and with the signal's reason when aborted; an aborted read takes no
   * report off the queue.
   */
  read(signal: AbortSignal): Promise<Uint8Array>;
  close(): Promise<void>;
  /** Called once when the device goes away (unplug, I/O error); returns an unsubscribe. */
  onDisconnect(listener: () => void): () => void;
}

export interface HidBus {
  /** The key-programmers attached now. */
  list(): Promise<HidDeviceInfo[]>;
  open(path: string): Promise<HidLink>;
}

/** The device was unplugged or the link closed: nothing more will come through it. */
export class LinkClosedError extends Error {
  constructor(message = 'The HID link is closed') {
    super(message);
    this.name = 'LinkClosedError';
  }
}

/** Every report on the key-programmer's interface, in and out, is this long. */
export const HID_REPORT_SIZE = 64;

/**
 * How the console recognises a key-programmer on the USB bus.
 * 0x1209 is pid.codes' open vendor id. Product 0x0001 is pid.codes' test PID: a placeholder
 * until the maker's own allocation under 0x1209 arrives, then only this line (and the udev
 * rule in resources/udev) change. The vendor-defined usage page keeps keyboards and FIDO
 * keys that might share a pid.codes id out of the list.
 */
export const KEY_PROGRAMMER_IDENTITY = {
  vendorId: 0x1209,
  productId: 0x0001,
  usagePage: 0xff50,
  usage: 0x01,
} as const;

/** True when a HID interface is the key-programmer's transport interface. */
export function isKeyProgrammer(info: Pick<HidDeviceInfo, 'vendorId' | 'productId' | 'usagePage' | 'usage'>): boolean {
  return (
    info.vendorId === KEY_PROGRAMMER_IDENTITY.vendorId &&
    info.productId === KEY_PROGRAMMER_IDENTITY.productId &&
    info.usagePage === KEY_PROGRAMMER_IDENTITY.usagePage &&
    info.usage === KEY_PROGRAMMER_IDENTITY.usage
  );
}

import { SerialPort } from 'serialport';
import type { LiveStickInfo } from '../live/live-lock-network';

/** A serial port as `SerialPort.list()` describes it (the fields the listing uses). */
export interface SerialPortEntry {
  path: string;
  manufacturer?: string;
  vendorId?: string;
  productId?: string;
}

/**
 * The USB vendors of Z-Wave sticks' serial bridges: Silicon Labs (Zooz, Aeotec Gen5+, the
 * UZB-7: their CP210x or the 700/800-series chip itself) and Sigma Designs (older Aeotec and
 * UZB sticks). A CP210x may bridge other devices too; opening one that is not a stick fails
 * with the driver's own message.
 */
export const zwaveStickVendors: Readonly<Record<number, string>> = { 0x10c4: 'Silicon Labs', 0x0658: 'Sigma Designs' };

/** The sticks among serial ports: by vendor id; a path the user gave is listed whatever the listing says. */
export function zwaveSticksIn(ports: readonly SerialPortEntry[], givenPath?: string): LiveStickInfo[] {
  const sticks: LiveStickInfo[] = [];
  for (const port of ports) {
    const vendorId = port.vendorId ? Number.parseInt(port.vendorId, 16) : Number.NaN;
    const vendor = zwaveStickVendors[vendorId];
    if (!vendor && port.path !== givenPath) continue;
    const usb = port.vendorId && port.productId ? ` (USB ${port.vendorId.toLowerCase()}:${port.productId.toLowerCase()})` : '';
    sticks.push({ path: port.path, label: `${port.manufacturer ?? vendor ?? 'Serial'} Z-Wave stick${usb}`, simulated: false });
  }
  if (givenPath && !sticks.some((s) => s.path === givenPath)) sticks.push({ path: givenPath, label: `Z-Wave stick on ${givenPath}`, simulated: false });
  return sticks;
}

/** The Z-Wave sticks plugged in now (`list`: serialport's listing). A listing that fails (no access to USB) lists only the given path. */
export async function listZWaveSticks(givenPath?: string, list: () => Promise<SerialPortEntry[]> = () => SerialPort.list()): Promise<LiveStickInfo[]> {
  const ports = await list().catch((): SerialPortEntry[] => []);
  return zwaveSticksIn(ports, givenPath);
}

import { devicesAsync, HIDAsync, type Device } from 'node-hid';
import { KEY_PROGRAMMER_IDENTITY, type HidBus, type HidDeviceInfo } from '../link';
import { NodeHidLink } from './node-hid-link';

export type HidIdentity = { vendorId: number; productId: number; usagePage: number; usage: number };

/**
 * The real USB bus, through node-hid's async API: enumeration (devicesAsync) and opening run
 * in libuv's thread pool, never on the main thread. Only the key-programmer's vendor-defined
 * interface is listed; on Linux the udev rule in resources/udev/ gives the signed-in user access.
 */
export function createNodeHidBus(identity: HidIdentity = KEY_PROGRAMMER_IDENTITY): HidBus {
  const listed = new Map<string, HidDeviceInfo>();

  const list = async (): Promise<HidDeviceInfo[]> => {
    const devices = await devicesAsync(identity.vendorId, identity.productId);
    const infos = devices.filter((device) => isTransportInterface(device, identity)).map(deviceInfo);
    listed.clear();
    for (const info of infos) listed.set(info.path, info);
    return infos;
  };

  return {
    list,
    async open(path) {
      const info = listed.get(path) ?? (await list()).find((candidate) => candidate.path === path);
      if (!info) throw new Error(`No key-programmer at ${path}`);
      // nonExclusive: on macOS an exclusive open would shut out a second Porter, which should
      // instead meet the programmer's LOCK and see channel_busy.
      const device = await HIDAsync.open(path, { nonExclusive: true });
      return new NodeHidLink(device, info);
    },
  };
}

function isTransportInterface(device: Device, identity: HidIdentity): device is Device & { path: string } {
  return (
    device.path !== undefined &&
    device.vendorId === identity.vendorId &&
    device.productId === identity.productId &&
    device.usagePage === identity.usagePage &&
    device.usage === identity.usage
  );
}

function deviceInfo(device: Device & { path: string }): HidDeviceInfo {
  return {
    path: device.path,
    vendorId: device.vendorId,
    productId: device.productId,
    usagePage: device.usagePage ?? 0,
    usage: device.usage ?? 0,
    serialNumber: device.serialNumber || null,
    product: device.product || null,
    simulated: false,
  };
}

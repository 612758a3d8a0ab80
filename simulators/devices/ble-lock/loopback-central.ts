import { BleLinkError, type BleAdvertisement, type BleCentral, type BleDongleInfo, type VirtualPeripheral } from '../../../src/main/devices/ble/gatt';
import { adType, parseAdStructures, uuid128FromAd } from '../../../src/main/devices/ble/protocol/ad-structures';
import { LoopbackLink } from './loopback-link';

export interface LoopbackCentralOptions {
  /** The ATT MTU every connection settles on: 23 (no exchange), 185 (iOS-like), 247 (with data length extension). */
  mtu?: number;
  /** How often every peripheral in range is heard while scanning. */
  advertisingIntervalMs?: number;
  dongle?: Partial<BleDongleInfo>;
}

/**
 * A BleCentral wired straight to virtual peripherals, no HCI in between: for fast tests of
 * the lock protocol and session. The simulated HCI controller under noble runs the same
 * peripherals through a real stack. A loopback has no dongle to lose, so onGone never fires.
 */
export function loopbackCentral(
  inRange: readonly VirtualPeripheral[] | (() => readonly VirtualPeripheral[]),
  options: LoopbackCentralOptions = {},
): BleCentral {
  /** A function when the set changes (the simulated technician walks to another floor). */
  const peripherals = () => (typeof inRange === 'function' ? inRange() : inRange);
  const mtu = options.mtu ?? 247;
  const dongle: BleDongleInfo = { id: 'loopback', transport: 'usb', label: 'Loopback (no radio)', vendorId: null, productId: null, port: null, simulated: true, ...options.dongle };
  const connected = new Map<VirtualPeripheral, LoopbackLink>();
  const scans = new Set<ReturnType<typeof setInterval>>();

  return {
    dongle,
    async startScan(serviceUuids, onAdvertisement) {
      const hearAll = () => {
        for (const peripheral of peripherals()) {
          const heard = peripheral.inRange() && !connected.has(peripheral) ? advertisementOf(peripheral) : null;
          if (heard && (serviceUuids.length === 0 || heard.serviceUuids.some((uuid) => serviceUuids.includes(uuid)))) onAdvertisement(heard);
        }
      };
      const timer = setInterval(hearAll, options.advertisingIntervalMs ?? 100);
      scans.add(timer);
      setImmediate(hearAll);
      return async () => {
        clearInterval(timer);
        scans.delete(timer);
      };
    },

    async connect(peripheralId, serviceUuid, signal) {
      await new Promise((resolve) => setImmediate(resolve));
      if (signal.aborted) throw new BleLinkError('aborted', 'connecting was cancelled');
      const peripheral = peripherals().find((p) => p.address === peripheralId);
      if (!peripheral || !peripheral.inRange()) throw new BleLinkError('out_of_range', `${peripheralId} is not in range`);
      if (connected.has(peripheral)) throw new BleLinkError('out_of_range', `${peripheralId} already has a central and does not advertise`);
      const service = peripheral.services.find((s) => s.uuid === serviceUuid);
      if (!service) throw new BleLinkError('no_service', `${peripheralId} has no service ${serviceUuid}`);
      const link = new LoopbackLink(peripheral, service, mtu, () => connected.delete(peripheral));
      connected.set(peripheral, link);
      peripheral.connected(link.peripheralSide);
      return link;
    },

    async close() {
      for (const timer of scans) clearInterval(timer);
      scans.clear();
      await Promise.all([...connected.values()].map((link) => link.disconnect()));
    },

    onGone: () => () => undefined,
  };
}

/** ADV_IND and SCAN_RSP merged, as a stack scanning actively reports them. */
function advertisementOf(peripheral: VirtualPeripheral): BleAdvertisement | null {
  const structures = [...(parseAdStructures(peripheral.advertisingData()) ?? []), ...(parseAdStructures(peripheral.scanResponseData()) ?? [])];
  const name = structures.find((s) => s.type === adType.completeLocalName || s.type === adType.shortenedLocalName);
  const uuids = structures.filter((s) => s.type === adType.completeUuids128 || s.type === adType.incompleteUuids128);
  return {
    peripheralId: peripheral.address,
    address: peripheral.address,
    rssi: peripheral.rssi(),
    localName: name ? new TextDecoder().decode(name.data) : null,
    manufacturerData: structures.find((s) => s.type === adType.manufacturerData)?.data ?? null,
    serviceUuids: uuids.flatMap((s) => Array.from({ length: Math.floor(s.data.length / 16) }, (_, i) => uuid128FromAd(s.data.subarray(i * 16, i * 16 + 16)))),
  };
}

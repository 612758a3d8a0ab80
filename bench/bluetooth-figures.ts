import { randomBytes } from 'node:crypto';
import type { BleCentral, GattConnection } from '../src/main/devices/ble/gatt';
import { decodeLockAdvertisement, lockIdOf, lockServiceUuid } from '../src/main/devices/ble/protocol';
import { openBleLockSession } from '../src/main/devices/ble/session';
import { keyProgrammerDriver } from '../src/main/devices/drivers/key-programmer-driver';
import { tableChecksum } from '../src/main/devices/keyprog/credential-table';
import { openNobleCentral } from '../src/main/devices/links/noble-central';
import { SimBleLock } from '../simulators/devices/ble-lock';
import { defaultTiming, linkLimits } from '../simulators/devices/hci/controller-timing';
import { startSimulatedDongle } from '../simulators/devices/hci/pty-bridge';
import { SimDoor } from '../simulators/devices/sim-door';
import { pinEntries, reader } from './hardware-figures';
import type { Figure } from './stats';

/** Counts the value bytes each way at the GATT layer: writes to the lock, notifications from it. */
function counted(connection: GattConnection) {
  const bytes = { written: 0, notified: 0 };
  const wrapped: GattConnection = {
    get peripheralId() {
      return connection.peripheralId;
    },
    get mtu() {
      return connection.mtu;
    },
    write: (uuid, value, signal) => {
      bytes.written += value.length;
      return connection.write(uuid, value, signal);
    },
    subscribe: (uuid, onValue) =>
      connection.subscribe(uuid, (value) => {
        bytes.notified += value.length;
        onValue(value);
      }),
    read: (uuid, signal) => connection.read(uuid, signal),
    disconnect: () => connection.disconnect(),
    onDisconnect: (listener) => connection.onDisconnect(listener),
  };
  return { wrapped, bytes };
}

async function find(central: BleCentral, lockId: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let stop: (() => Promise<void>) | null = null;
    central
      .startScan([lockServiceUuid], (advertisement) => {
        const heard = decodeLockAdvertisement(advertisement);
        if (heard.ok && heard.lock.lockId === lockId) {
          void stop?.();
          resolve(heard.lock.peripheralId);
        }
      })
      .then((s) => (stop = s), reject);
  });
}

/**
 * Programming 250 PIN codes onto a Bluetooth lock through the whole stack: the driver, the
 * sealed session and its segments, noble's GATT client, HCI over a pty, and the simulated
 * controller's link (connection interval, PDUs per event, 27-byte LL payloads, ATT MTU). The
 * lock's flash time is zero so the figure is the link's. The limit is every value byte at the
 * link's rate: writes with response one way, notifications the other.
 */
async function programFigures(): Promise<Figure[]> {
  const key = new Uint8Array(randomBytes(32));
  const door = new SimDoor({ model: reader, serial: 'BENCH-BLE-1' });
  const lock = new SimBleLock({ door, setupCode: '12345678', lockKey: key, writeMsPerEntry: 0 });
  const dongle = await startSimulatedDongle({ peripherals: [lock] });
  const central = await openNobleCentral(dongle.dongleInfo);
  try {
    const peripheralId = await find(central, lockIdOf(door.serial));
    const { wrapped, bytes } = counted(await central.connect(peripheralId, lockServiceUuid, AbortSignal.timeout(10_000)));
    const driver = keyProgrammerDriver(await openBleLockSession(wrapped, key, AbortSignal.timeout(10_000)));
    const entries = pinEntries(250);
    const changes = { fullRewrite: true, baseChecksum: 0, targetChecksum: tableChecksum(entries), puts: entries, deletes: [] };
    const runs: { ms: number; written: number; notified: number; pdus: number; busiestWay: number }[] = [];
    // One run to warm the JIT, then the median of five.
    for (let i = 0; i < 6; i++) {
      const before = { ...bytes, stats: dongle.controller.stats() };
      const started = performance.now();
      await driver.program(changes, () => undefined, AbortSignal.timeout(120_000));
      const ms = performance.now() - started;
      const after = dongle.controller.stats();
      const toLock = after.pdusToPeripheral - before.stats.pdusToPeripheral;
      const toConsole = after.pdusToCentral - before.stats.pdusToCentral;
      if (i > 0) runs.push({ ms, written: bytes.written - before.written, notified: bytes.notified - before.notified, pdus: toLock + toConsole, busiestWay: Math.max(toLock, toConsole) });
    }
    const mtu = wrapped.mtu;
    await driver.close();
    const { ms, written, notified, pdus, busiestWay } = runs.sort((a, b) => a.ms - b.ms)[2]!;
    const limits = linkLimits(defaultTiming, mtu);
    const limitMs = (written / limits.writeWithResponseBytesPerSecond + notified / limits.notifyBytesPerSecond) * 1000;
    // What no protocol over this link could beat: the busier direction's PDUs, packed into every event.
    const rawLimitMs = (busiestWay / defaultTiming.pdusPerEvent) * defaultTiming.connectionIntervalMs;
    return [
      { name: 'ble.program250.time', value: Math.round(ms), unit: 'ms' },
      { name: 'ble.program250.bytes', value: written + notified, unit: 'bytes' },
      { name: 'ble.program250.pdus', value: pdus, unit: 'count' },
      { name: 'ble.program250.linkLimit', value: Math.round(limitMs), unit: 'ms' },
      { name: 'ble.program250.ratioToLimit', value: Math.round((ms / limitMs) * 100) / 100, unit: 'x' },
      { name: 'ble.program250.rawLinkLimit', value: Math.round(rawLimitMs), unit: 'ms' },
      { name: 'ble.program250.ratioToRawLimit', value: Math.round((ms / rawLimitMs) * 100) / 100, unit: 'x' },
      { name: 'ble.link.connectionInterval', value: defaultTiming.connectionIntervalMs, unit: 'ms' },
      { name: 'ble.link.pdusPerEvent', value: defaultTiming.pdusPerEvent, unit: 'count' },
      { name: 'ble.link.attMtu', value: mtu, unit: 'bytes' },
    ];
  } finally {
    await central.close();
    await dongle.close();
  }
}

/** A scan that hears 200 advertising locks: how long until every one is listed. */
async function scanFigures(count: number): Promise<Figure[]> {
  const locks = Array.from({ length: count }, (_, i) => {
    const door = new SimDoor({ model: reader, serial: `BENCH-SCAN-${String(i).padStart(4, '0')}` });
    return new SimBleLock({ door, setupCode: '12345678', lockKey: new Uint8Array(32).fill(1), rssi: -40 - (i % 50) });
  });
  const dongle = await startSimulatedDongle({ peripherals: locks });
  const central = await openNobleCentral(dongle.dongleInfo);
  try {
    const heard = new Set<string>();
    const started = performance.now();
    let stop: (() => Promise<void>) | null = null;
    await new Promise<void>((resolve, reject) => {
      central
        .startScan([lockServiceUuid], (advertisement) => {
          const decoded = decodeLockAdvertisement(advertisement);
          if (decoded.ok) heard.add(decoded.lock.lockId);
          if (heard.size === count) resolve();
        })
        .then((s) => (stop = s), reject);
    });
    const ms = performance.now() - started;
    await (stop as (() => Promise<void>) | null)?.();
    return [
      { name: `ble.scan${count}.allListed`, value: Math.round(ms), unit: 'ms' },
      { name: 'ble.link.advertisingInterval', value: defaultTiming.advertisingIntervalMs, unit: 'ms' },
    ];
  } finally {
    await central.close();
    await dongle.close();
  }
}

export async function bluetoothFigures(): Promise<Figure[]> {
  return [...(await programFigures()), ...(await scanFigures(200))];
}

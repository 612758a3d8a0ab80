import { describe, expect, it, vi } from 'vitest';
import type { BleAdvertisement } from '../../../../src/main/devices/ble/gatt';
import { decodeLockAdvertisement, encodeLockManufacturerData, lockIdOf } from '../../../../src/main/devices/ble/protocol/lock-advertisement';
import { lockServiceUuid } from '../../../../src/main/devices/ble/protocol/lock-service';
import { tableChecksum } from '../../../../src/main/devices/keyprog/credential-table';
import { pinEntry } from '../sim-door/rig';
import { lockRig } from './ble-rig';

const beacon = { lockId: lockIdOf('KB5-004217'), batteryPercent: 78, commissioned: true, batteryLow: false, tableChecksum: 0x12345678 };
const heard = (manufacturerData: Uint8Array | null): BleAdvertisement => ({
  peripheralId: 'p1',
  address: 'c1:02:03:04:05:06',
  rssi: -60,
  localName: 'Porter Lock',
  manufacturerData,
  serviceUuids: [],
});
const withByte = (index: number, value: number) => {
  const bytes = encodeLockManufacturerData(beacon);
  bytes[index] = value;
  return bytes;
};

describe('reading a beacon', () => {
  it('reads back what a lock advertises', () => {
    expect(decodeLockAdvertisement(heard(encodeLockManufacturerData(beacon)))).toEqual({ ok: true, lock: { ...beacon, peripheralId: 'p1', address: 'c1:02:03:04:05:06', rssi: -60 } });
  });

  it('refuses anything that is not a Porter lock beacon, saying why', () => {
    const refusal = (data: Uint8Array | null) => {
      const decoded = decodeLockAdvertisement(heard(data));
      return decoded.ok ? 'accepted' : decoded.reason;
    };
    expect(refusal(null)).toBe('no manufacturer data');
    expect(refusal(Uint8Array.of(0x4c))).toBe('manufacturer data shorter than a company id');
    expect(refusal(Uint8Array.of(0x4c, 0x00, 0x02, 0x15))).toBe('company id 0x004c is not Porter’s'); // an iBeacon
    expect(refusal(withByte(2, 0x02))).toBe('format 2 is not a Porter lock beacon v1');
    expect(refusal(encodeLockManufacturerData(beacon).subarray(0, 16))).toBe('16 bytes of manufacturer data, not 17');
    expect(refusal(withByte(11, 101))).toBe('battery 101 % is over 100');
    expect(refusal(withByte(12, 0x05))).toBe('unknown flag bits 0x5');
  });
});

describe('a simulated lock’s beacon', () => {
  /** The first beacon the loopback central hears from the rig's lock. */
  async function hearOnce(central: ReturnType<typeof lockRig>['central']) {
    let stop: (() => Promise<void>) | undefined;
    const first = await new Promise<BleAdvertisement>((resolve) => {
      void central.startScan([lockServiceUuid], resolve).then((s) => (stop = s));
    });
    await stop?.();
    return first;
  }

  it('is heard with its name, service and live state, and tells a pending door without connecting', async () => {
    const table = [pinEntry(1, '123456'), pinEntry(2, '654321')];
    const { central, door, lock } = lockRig({ table });
    const first = await hearOnce(central);
    expect(first).toMatchObject({ localName: 'Porter Lock', serviceUuids: [lockServiceUuid], address: lock.address });
    expect(decodeLockAdvertisement(first)).toMatchObject({ ok: true, lock: { lockId: lockIdOf('KB5-004217'), commissioned: true, batteryLow: false, tableChecksum: tableChecksum(table), batteryPercent: 100 } });

    door.inject({ kind: 'low_battery', percent: 9 });
    expect(decodeLockAdvertisement(await hearOnce(central))).toMatchObject({ ok: true, lock: { batteryPercent: 9, batteryLow: true } });
  });

  it('says whether the lock is commissioned', async () => {
    const { central } = lockRig({ commissioned: false });
    expect(decodeLockAdvertisement(await hearOnce(central))).toMatchObject({ ok: true, lock: { commissioned: false } });
  });

  it('goes quiet out of range', async () => {
    vi.useFakeTimers(); // the loopback radio hears on an interval: ten of them pass, however slow the machine
    try {
      const { central, lock } = lockRig();
      lock.inject({ kind: 'out_of_range' });
      const heardAny: BleAdvertisement[] = [];
      const stop = await central.startScan([], (a) => heardAny.push(a));
      await vi.advanceTimersByTimeAsync(1_000);
      await stop();
      expect(heardAny).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });
});

import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { LinkClosedError } from '../../../../src/main/devices/link';
import { SimHidDevice } from '../../../../simulators/devices/sim-hid-device';

const hid = vi.hoisted(() => ({ devicesAsync: vi.fn(), open: vi.fn() }));
vi.mock('node-hid', () => ({ devicesAsync: hid.devicesAsync, HIDAsync: { open: hid.open } }));

// Imported after the mock is in place (vi.mock is hoisted above imports).
import { createNodeHidBus } from '../../../../src/main/devices/links/node-hid-bus';
import { openHidSession } from '../../../../src/main/devices/session/hid-session';

const never = () => new AbortController().signal;

/** What node-hid's devicesAsync lists for a programmer: its vendor interface and a keyboard-like one. */
const listed = [
  { vendorId: 0x1209, productId: 0x0001, path: '/dev/hidraw5', serialNumber: 'KP-7', product: 'Key programmer', release: 1, interface: 0, usagePage: 0xff50, usage: 0x01 },
  { vendorId: 0x1209, productId: 0x0001, path: '/dev/hidraw6', serialNumber: 'KP-7', product: 'Key programmer', release: 1, interface: 1, usagePage: 0x0001, usage: 0x06 },
  { vendorId: 0x1209, productId: 0x0001, serialNumber: '', release: 1, interface: 2, usagePage: 0xff50, usage: 0x01 },
];

/** Stands in for node-hid's HIDAsync: records writes, emits what the test pushes. */
class FakeHidDevice extends EventEmitter {
  written: Buffer[] = [];
  write = vi.fn(async (data: Buffer) => {
    this.written.push(Buffer.from(data));
    return data.length;
  });
  close = vi.fn(async () => undefined);
}

beforeEach(() => {
  hid.devicesAsync.mockReset().mockResolvedValue(listed);
  hid.open.mockReset();
});

async function opened() {
  const device = new FakeHidDevice();
  hid.open.mockResolvedValue(device);
  const link = await createNodeHidBus().open('/dev/hidraw5');
  return { device, link };
}

describe('the node-hid bus', () => {
  it('lists only the key-programmer’s transport interface, asking node-hid for its vendor and product', async () => {
    const infos = await createNodeHidBus().list();
    expect(hid.devicesAsync).toHaveBeenCalledWith(0x1209, 0x0001);
    expect(infos).toEqual([
      {
        path: '/dev/hidraw5',
        vendorId: 0x1209,
        productId: 0x0001,
        usagePage: 0xff50,
        usage: 0x01,
        serialNumber: 'KP-7',
        product: 'Key programmer',
        simulated: false,
      },
    ]);
  });

  it('lists nothing on a machine without programmers (or without a USB bus)', async () => {
    hid.devicesAsync.mockResolvedValue([]);
    expect(await createNodeHidBus().list()).toEqual([]);
  });

  it('opens by path, shared, and refuses a path that is not a programmer', async () => {
    const { link } = await opened();
    expect(hid.open).toHaveBeenCalledWith('/dev/hidraw5', { nonExclusive: true });
    expect(link.info.serialNumber).toBe('KP-7');
    await expect(createNodeHidBus().open('/dev/hidraw6')).rejects.toThrow('No key-programmer');
  });

  it('writes report id 0 in front of the 64-byte report', async () => {
    const { device, link } = await opened();
    const report = Uint8Array.from({ length: 64 }, (_, i) => i + 1);
    await link.write(report);
    expect(device.written[0]).toEqual(Buffer.concat([Buffer.of(0), Buffer.from(report)]));
    await expect(link.write(new Uint8Array(65))).rejects.toThrow(RangeError);
  });

  it('queues input reports from data events, as 64 bytes each', async () => {
    const { device, link } = await opened();
    device.emit('data', Buffer.alloc(64, 1));
    device.emit('data', Buffer.concat([Buffer.of(0), Buffer.alloc(64, 2)])); // report id left in front
    device.emit('data', Buffer.alloc(10, 3)); // trimmed by the platform
    expect(await link.read(never())).toEqual(new Uint8Array(64).fill(1));
    expect(await link.read(never())).toEqual(new Uint8Array(64).fill(2));
    const third = await link.read(never());
    expect([third.length, third[9], third[10]]).toEqual([64, 3, 0]);
  });

  it('treats an error event as unplugging', async () => {
    const { device, link } = await opened();
    const told = vi.fn();
    link.onDisconnect(told);
    const reading = link.read(never());
    device.emit('error', new Error('could not read from HID device'));
    await expect(reading).rejects.toBeInstanceOf(LinkClosedError);
    await expect(link.write(new Uint8Array(64))).rejects.toBeInstanceOf(LinkClosedError);
    expect(told).toHaveBeenCalledTimes(1);
    expect(device.close).toHaveBeenCalledTimes(1);
  });

  it('treats a failed write as unplugging', async () => {
    const { device, link } = await opened();
    const told = vi.fn();
    link.onDisconnect(told);
    device.write.mockRejectedValueOnce(new Error('Cannot write to hid device'));
    await expect(link.write(new Uint8Array(64))).rejects.toBeInstanceOf(LinkClosedError);
    expect(told).toHaveBeenCalledTimes(1);
  });

  it('closes the device once, failing reads after', async () => {
    const { device, link } = await opened();
    await link.close();
    await link.close();
    expect(device.close).toHaveBeenCalledTimes(1);
    await expect(link.read(never())).rejects.toBeInstanceOf(LinkClosedError);
  });

  it('carries a whole session to a programmer behind node-hid', async () => {
    const programmer = new SimHidDevice();
    const device = new FakeHidDevice();
    // The programmer's side of the cable: output reports without their report id, input reports as data events.
    programmer.connect((report) => setImmediate(() => device.emit('data', Buffer.from(report))));
    device.write.mockImplementation(async (data: Buffer) => {
      programmer.receive(new Uint8Array(data.subarray(1)));
      return data.length;
    });
    hid.open.mockResolvedValue(device);
    const session = await openHidSession(await createNodeHidBus().open('/dev/hidraw5'), { signal: never() });
    const payload = Uint8Array.from({ length: 500 }, (_, i) => i & 0xff);
    expect((await session.exchange('msg', payload, { signal: never() })).payload).toEqual(payload);
    await session.close();
    expect(device.close).toHaveBeenCalled();
  });
});

import { beforeEach, describe, expect, it, vi } from 'vitest';

const hardware = vi.hoisted(() => ({ getDeviceList: vi.fn(), list: vi.fn() }));
vi.mock('usb', () => ({ getDeviceList: hardware.getDeviceList, usb: { on: vi.fn(), removeListener: vi.fn() } }));
vi.mock('serialport', () => ({ SerialPort: { list: hardware.list } }));

// Imported after the mocks are in place (vi.mock is hoisted above imports).
import { listBleDongles } from '../../../../src/main/devices/links/ble-dongles';
import { hciBindingsFor } from '../../../../src/main/devices/links/noble-bindings';

/** A USB device as the usb package lists it: device class codes, and interfaces' class codes. */
function usbDevice(idVendor: number, idProduct: number, deviceClass: [number, number, number], interfaces: [number, number, number][] = []) {
  return {
    busNumber: 1,
    deviceAddress: 7,
    deviceDescriptor: { idVendor, idProduct, bDeviceClass: deviceClass[0], bDeviceSubClass: deviceClass[1], bDeviceProtocol: deviceClass[2] },
    configDescriptor: {
      interfaces: interfaces.map(([c, s, p]) => [{ bInterfaceClass: c, bInterfaceSubClass: s, bInterfaceProtocol: p }]),
    },
  };
}

beforeEach(() => {
  hardware.getDeviceList.mockReset().mockReturnValue([]);
  hardware.list.mockReset().mockResolvedValue([]);
});

describe('listing BLE dongles', () => {
  it('lists USB HCI controllers by class code (device or interface) and known HCI firmware, and nothing else', async () => {
    hardware.getDeviceList.mockReturnValue([
      usbDevice(0x0a12, 0x0001, [0xe0, 0x01, 0x01]), // a CSR dongle: Bluetooth at device level
      usbDevice(0x8087, 0x0a2b, [0xef, 0x02, 0x01], [[0xe0, 0x01, 0x01]]), // composite: Bluetooth interface
      usbDevice(0x2fe3, 0x000b, [0x00, 0x00, 0x00]), // Zephyr hci_usb on an nRF52840
      usbDevice(0x1209, 0x0001, [0x00, 0x00, 0x00], [[0x03, 0x00, 0x00]]), // the key-programmer (HID)
    ]);
    const dongles = await listBleDongles();
    expect(dongles.map((dongle) => dongle.id)).toEqual(['usb:0a12:0001:1-7', 'usb:8087:0a2b:1-7', 'usb:2fe3:000b:1-7']);
    expect(dongles[2]).toEqual({
      id: 'usb:2fe3:000b:1-7',
      transport: 'usb',
      label: 'nRF52840 HCI (USB 2fe3:000b)',
      vendorId: 0x2fe3,
      productId: 0x000b,
      port: null,
      simulated: false,
    });
  });

  it('offers USB serial ports (where HCI UART firmware may answer), not built-in UARTs', async () => {
    hardware.list.mockResolvedValue([
      { path: '/dev/ttyS0', manufacturer: undefined, vendorId: undefined, productId: undefined },
      { path: '/dev/ttyACM0', manufacturer: 'ZEPHYR', vendorId: '2fe3', productId: '0004' },
    ]);
    expect(await listBleDongles()).toEqual([
      { id: 'uart:/dev/ttyACM0', transport: 'uart', label: 'Serial /dev/ttyACM0 (ZEPHYR)', vendorId: 0x2fe3, productId: 0x0004, port: '/dev/ttyACM0', simulated: false },
    ]);
  });

  it('lists nothing on a machine without a USB bus or serial ports, even when listing ports fails', async () => {
    hardware.list.mockRejectedValue(new Error('udevadm not found'));
    expect(await listBleDongles()).toEqual([]);
  });
});

describe('noble’s HCI options for a dongle', () => {
  it('opens UART dongles by port at 1 Mbaud and USB dongles by vendor and product', () => {
    expect(hciBindingsFor({ id: 'uart:/dev/ttyACM0', transport: 'uart', label: '', vendorId: null, productId: null, port: '/dev/ttyACM0', simulated: false })).toEqual({
      hciDriver: 'uart',
      bindParams: { uart: { port: '/dev/ttyACM0', baudRate: 1_000_000 } },
    });
    expect(hciBindingsFor({ id: 'usb:2fe3:000b:1-7', transport: 'usb', label: '', vendorId: 0x2fe3, productId: 0x000b, port: null, simulated: false })).toEqual({
      hciDriver: 'usb',
      bindParams: { usb: { vid: 0x2fe3, pid: 0x000b } },
    });
  });
});

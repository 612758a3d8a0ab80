import { SerialPort } from 'serialport';
import { getDeviceList, type Device } from 'usb';
import type { BleDongleInfo } from '../ble/gatt';

/** HCI firmware that does not say so in its USB class codes. */
const knownHciFirmware = [{ vendorId: 0x2fe3, productId: 0x000b, name: 'nRF52840 HCI' }] as const;

/** Bluetooth Primary Controller: Wireless Controller class, RF subclass, Bluetooth protocol. */
const wireless = 0xe0;
const radioFrequency = 0x01;
const bluetooth = 0x01;

/**
 * The BLE dongles plugged in: USB HCI controllers (by class code, at device or interface level,
 * or by a known vendor and product), and USB serial ports, where an HCI UART firmware (an
 * nRF52840 running Zephyr's hci_uart, say) may answer. A serial port cannot say what speaks on
 * it, so every USB one is offered; built-in UARTs (no USB ids) are left out.
 */
export async function listBleDongles(): Promise<BleDongleInfo[]> {
  const [usbDongles, serialDongles] = await Promise.all([listUsbDongles(), listSerialDongles()]);
  return [...usbDongles, ...serialDongles];
}

function listUsbDongles(): BleDongleInfo[] {
  const dongles: BleDongleInfo[] = [];
  for (const device of getDeviceList()) {
    const { idVendor, idProduct } = device.deviceDescriptor;
    const known = knownHciFirmware.find((firmware) => firmware.vendorId === idVendor && firmware.productId === idProduct);
    if (!known && !speaksHci(device)) continue;
    const ids = `${hex4(idVendor)}:${hex4(idProduct)}`;
    dongles.push({
      id: `usb:${ids}:${device.busNumber}-${device.deviceAddress}`,
      transport: 'usb',
      label: `${known?.name ?? 'Bluetooth HCI'} (USB ${ids})`,
      vendorId: idVendor,
      productId: idProduct,
      port: null,
      simulated: false,
    });
  }
  return dongles;
}

function speaksHci(device: Device): boolean {
  const d = device.deviceDescriptor;
  if (d.bDeviceClass === wireless && d.bDeviceSubClass === radioFrequency && d.bDeviceProtocol === bluetooth) return true;
  try {
    const interfaces = device.configDescriptor?.interfaces ?? [];
    return interfaces.some((alternates) =>
      alternates.some((i) => i.bInterfaceClass === wireless && i.bInterfaceSubClass === radioFrequency && i.bInterfaceProtocol === bluetooth),
    );
  } catch {
    return false; // a device whose descriptors cannot be read is not one noble could open either
  }
}

async function listSerialDongles(): Promise<BleDongleInfo[]> {
  const ports = await SerialPort.list().catch(() => []);
  return ports
    .filter((port) => port.vendorId && port.productId)
    .map((port) => ({
      id: `uart:${port.path}`,
      transport: 'uart' as const,
      label: `Serial ${port.path}${port.manufacturer ? ` (${port.manufacturer})` : ''}`,
      vendorId: Number.parseInt(port.vendorId!, 16),
      productId: Number.parseInt(port.productId!, 16),
      port: port.path,
      simulated: false,
    }));
}

function hex4(value: number): string {
  return value.toString(16).padStart(4, '0');
}

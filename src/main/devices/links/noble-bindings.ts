import type { HciBindingsOptions } from '@stoprocent/noble';
import type { BleDongleInfo } from '../ble/gatt';

/** HCI over a serial line runs at 1 Mbaud in Zephyr's and Nordic's HCI UART firmware. */
export const DEFAULT_UART_BAUD_RATE = 1_000_000;

/**
 * noble's HCI options for a dongle. A USB dongle is named by vendor and product only:
 * bluetooth-hci-socket 2.3 matches a bus and address against properties the usb package does
 * not have (`bus`, `address` rather than `busNumber`, `deviceAddress`), so passing them finds
 * nothing. With two identical USB dongles the first is used.
 */
export function hciBindingsFor(dongle: BleDongleInfo, baudRate = DEFAULT_UART_BAUD_RATE): HciBindingsOptions {
  if (dongle.transport === 'uart') {
    if (!dongle.port) throw new Error(`Dongle ${dongle.id} has no serial port`);
    return { hciDriver: 'uart', bindParams: { uart: { port: dongle.port, baudRate } } };
  }
  if (dongle.vendorId === null || dongle.productId === null) throw new Error(`Dongle ${dongle.id} has no USB ids`);
  return { hciDriver: 'usb', bindParams: { usb: { vid: dongle.vendorId, pid: dongle.productId } } };
}

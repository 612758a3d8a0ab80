import { usb, type Device } from 'usb';
import type { BleDongleInfo } from '../ble/gatt';

/**
 * Calls `onDetach` when the USB dongle leaves the bus. noble's USB driver does not notice by
 * itself (its endpoints only report transfer errors), so the central watches libusb's hotplug
 * events. Returns the unwatch, which stops libusb's hotplug thread when it is the last watcher.
 */
export function watchUsbDetach(dongle: BleDongleInfo, onDetach: () => void): () => void {
  const onEvent = (device: Device) => {
    const descriptor = device.deviceDescriptor;
    if (descriptor.idVendor !== dongle.vendorId || descriptor.idProduct !== dongle.productId) return;
    if (!dongle.id.endsWith(`:${device.busNumber}-${device.deviceAddress}`)) return;
    onDetach();
  };
  usb.on('detach', onEvent);
  return () => usb.removeListener('detach', onEvent);
}

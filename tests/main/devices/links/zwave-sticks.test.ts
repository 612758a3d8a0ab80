import { SerialPortMock } from 'serialport';
import { afterEach, describe, expect, it } from 'vitest';
import { listZWaveSticks, zwaveSticksIn } from '../../../../src/main/devices/links/zwave-sticks';
import { zwaveStickFrom } from '../../../../src/main/training/console-mode';

afterEach(() => SerialPortMock.binding.reset());

describe('Z-Wave stick listing', () => {
  it('lists the serial ports of Silicon Labs and Sigma Designs sticks, and no other', async () => {
    SerialPortMock.binding.createPort('/dev/ttyACM0', { vendorId: '10C4', productId: 'EA60', manufacturer: 'Zooz' });
    SerialPortMock.binding.createPort('/dev/ttyACM1', { vendorId: '0658', productId: '0200', manufacturer: 'Aeotec' });
    SerialPortMock.binding.createPort('/dev/ttyUSB0', { vendorId: '2fe3', productId: '000b', manufacturer: 'ZEPHYR' });
    SerialPortMock.binding.createPort('/dev/ttyS0');
    const sticks = await listZWaveSticks(undefined, () => SerialPortMock.list());
    expect(sticks).toEqual([
      { path: '/dev/ttyACM0', label: 'Zooz Z-Wave stick (USB 10c4:ea60)', simulated: false },
      { path: '/dev/ttyACM1', label: 'Aeotec Z-Wave stick (USB 0658:0200)', simulated: false },
    ]);
  });

  it('names a stick by its vendor when the port gives no maker', () => {
    expect(zwaveSticksIn([{ path: '/dev/ttyACM1', vendorId: '0658', productId: '0200' }])).toEqual([
      { path: '/dev/ttyACM1', label: 'Sigma Designs Z-Wave stick (USB 0658:0200)', simulated: false },
    ]);
  });

  it('adds the path the user gave, whether the listing shows it or not', () => {
    expect(zwaveSticksIn([{ path: '/dev/ttyS0' }], '/dev/ttyS0')).toEqual([{ path: '/dev/ttyS0', label: 'Serial Z-Wave stick', simulated: false }]);
    expect(zwaveSticksIn([], '/dev/serial/by-id/usb-zwave')).toEqual([{ path: '/dev/serial/by-id/usb-zwave', label: 'Z-Wave stick on /dev/serial/by-id/usb-zwave', simulated: false }]);
  });

  it('lists only the given path when the listing fails', async () => {
    const failing = () => Promise.reject(new Error('no access to USB'));
    expect(await listZWaveSticks('/dev/ttyACM0', failing)).toEqual([{ path: '/dev/ttyACM0', label: 'Z-Wave stick on /dev/ttyACM0', simulated: false }]);
    expect(await listZWaveSticks(undefined, failing)).toEqual([]);
  });

  it('reads --zwave-stick from the command line, and says what is missing', () => {
    expect(zwaveStickFrom(['node', 'porter', '--zwave-stick', '/dev/ttyACM0'])).toBe('/dev/ttyACM0');
    expect(zwaveStickFrom(['--zwave-stick=COM3'])).toBe('COM3');
    expect(zwaveStickFrom(['--training'])).toBeUndefined();
    expect(() => zwaveStickFrom(['--zwave-stick'])).toThrow(/needs the device path/);
    expect(() => zwaveStickFrom(['--zwave-stick', '--training'])).toThrow(/needs the device path/);
  });
});

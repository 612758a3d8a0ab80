import { describe, expect, it } from 'vitest';
import type { PeripheralLink } from '../../../../src/main/devices/ble/gatt';
import { AttServer } from '../../../../simulators/devices/hci/att-server';
import { buildAttributeTable } from '../../../../simulators/devices/hci/att-table';
import { DEFAULT_CONNECTION_INTERVAL_MS, DEFAULT_PDUS_PER_EVENT, linkLimits } from '../../../../simulators/devices/hci/controller-timing';
import { ECHO_NOTIFY, EchoPeripheral } from './fixtures/echo-peripheral';
import { bytes, hex } from './fixtures/hci-bytes';

const echoUuid = (n: number) => `${n.toString(16).padStart(2, '0')} 00 40 6e`; // 6e4000nn-…, the varying last octets
const echoTail = '9e ca dc 24 0e e5 a9 e0 93 f3 a3 b5'; // b5a3f393e0a9e50e24dcca9e, least significant first

/**
 * The echo peripheral's table: 1-3 Generic Access (Device Name at 3); 4-11 the echo service:
 * write characteristic 5/6, notify 7/8 with its CCCD at 9, info 10/11.
 */
function server() {
  const lock = new EchoPeripheral('c0:00:00:00:00:01', 'Lock');
  const sent: string[] = [];
  const link: PeripheralLink = { mtu: 23, notify: () => undefined, disconnect: () => undefined };
  const att = new AttServer(buildAttributeTable(lock.services, () => 'Lock'), 247, link, (pdu) => sent.push(hex(pdu)));
  const ask = (request: string) => {
    att.receive(bytes(request));
    return sent.splice(0);
  };
  return { att, lock, ask };
}

const h = (...pdus: string[]) => pdus.map((pdu) => hex(bytes(pdu)));

describe('the simulated peripheral’s ATT server', () => {
  it('lists primary services one UUID size at a time, then says there are no more', () => {
    const { ask } = server();
    expect(ask('10 01 00 ff ff 00 28')).toEqual(h('11 06  01 00 03 00 00 18')); // Generic Access, 1 to 3
    expect(ask('10 04 00 ff ff 00 28')).toEqual(h(`11 14  04 00 0b 00 ${echoTail} ${echoUuid(1)}`));
    expect(ask('10 0c 00 ff ff 00 28')).toEqual(h('01 10 0c 00 0a')); // Attribute Not Found
    expect(ask('10 01 00 ff ff 01 28')).toEqual(h('01 10 01 00 10')); // secondary services: Unsupported Group Type
  });

  it('declares characteristics with their properties and value handles, and finds the CCCD', () => {
    const { ask } = server();
    // write + write without response (0x0c), value at 6; one per response at the default MTU of 23
    expect(ask('08 04 00 0b 00 03 28')).toEqual(h(`09 15  05 00 0c 06 00 ${echoTail} ${echoUuid(2)}`));
    expect(ask('08 07 00 0b 00 03 28')).toEqual(h(`09 15  07 00 10 08 00 ${echoTail} ${echoUuid(3)}`));
    expect(ask('04 09 00 09 00')).toEqual(h('05 01  09 00 02 29')); // Find Information: 0x2902 at 9
    expect(ask('08 07 00 09 00 02 29')).toEqual(h('09 04  09 00 00 00')); // CCCD by type: off
  });

  it('exchanges the MTU, then lists as many declarations as fit', () => {
    const { att, ask } = server();
    expect(ask('02 00 01')).toEqual(h('03 f7 00')); // the client asks 256, the server says 247
    expect(att.mtu).toBe(247);
    expect(ask('08 04 00 0b 00 03 28')).toHaveLength(1);
    expect(ask('08 04 00 0b 00 03 28')[0]).toMatch(/^09 15 05 00 .* 07 00 .* 0a 00 /);
  });

  it('reads, reads on with Read Blob, and refuses what is not permitted', () => {
    const { ask } = server();
    expect(ask('0a 0b 00')).toEqual(h('0b ec 40 00')); // info: ec 40 and no writes yet
    expect(ask('0a 03 00')).toEqual(h('0b 4c 6f 63 6b')); // Device Name "Lock"
    expect(ask('0c 03 00 02 00')).toEqual(h('0d 63 6b')); // from offset 2
    expect(ask('0c 03 00 05 00')).toEqual(h('01 0c 03 00 07')); // Invalid Offset
    expect(ask('0a 06 00')).toEqual(h('01 0a 06 00 02')); // Read Not Permitted
    expect(ask('0a 50 00')).toEqual(h('01 0a 50 00 01')); // Invalid Handle
    expect(ask('12 0b 00 01')).toEqual(h('01 12 0b 00 03')); // Write Not Permitted
    expect(ask('06 01 00 ff ff 00 28 00 18')).toEqual(h('01 06 00 00 06')); // Find By Type Value: Request Not Supported
    expect(ask('52 0b 00 01')).toEqual([]); // a refused Write Command gets no answer at all
  });

  it('applies prepared writes together on Execute Write, and drops them on cancel', () => {
    const { lock, ask } = server();
    expect(ask('16 06 00 00 00 61 62')).toEqual(h('17 06 00 00 00 61 62'));
    expect(ask('16 06 00 02 00 63 64')).toEqual(h('17 06 00 02 00 63 64'));
    expect(lock.writes).toEqual([]);
    expect(ask('18 01')).toEqual(h('19'));
    expect(lock.writes).toEqual([new TextEncoder().encode('abcd')]);
    ask('16 06 00 00 00 65');
    expect(ask('18 00')).toEqual(h('19'));
    expect(lock.writes).toHaveLength(1);
  });

  it('notifies only a subscribed central, and refuses a value longer than the MTU allows', () => {
    const { att, ask } = server();
    att.notify(ECHO_NOTIFY, Uint8Array.of(1)); // dropped: nobody subscribed
    expect(ask('12 09 00 01 00')).toEqual(h('13')); // CCCD on
    expect(ask('0a 09 00')).toEqual(h('0b 01 00'));
    att.notify(ECHO_NOTIFY, Uint8Array.of(1, 2));
    expect(ask('0a 09 00')).toEqual(h('1b 08 00 01 02', '0b 01 00'));
    expect(() => att.notify(ECHO_NOTIFY, new Uint8Array(21))).toThrow(RangeError);
  });
});

describe('the link budget', () => {
  it('gives 4,067 bytes/s of writes with response and 6,507 bytes/s of notifications at MTU 247', () => {
    const limits = linkLimits({ connectionIntervalMs: DEFAULT_CONNECTION_INTERVAL_MS, pdusPerEvent: DEFAULT_PDUS_PER_EVENT }, 247);
    // 247 octets of ATT + 4 of L2CAP = 10 PDUs of 27; 4 a 15 ms event
    expect(Math.round(limits.writeWithResponseBytesPerSecond)).toBe(4067); // 244 bytes per 4 events
    expect(Math.round(limits.notifyBytesPerSecond)).toBe(6507); // 244 bytes per 2.5 events
  });
});

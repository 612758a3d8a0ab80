import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EchoPeripheral } from './fixtures/echo-peripheral';
import { bytes, controllerOnBytes, hex } from './fixtures/hci-bytes';

/** Expected packets, written with any spacing. */
const h4 = (...packets: string[]) => packets.map((packet) => hex(bytes(packet)));

/** An echo peripheral advertising little, so the report's bytes read easily. */
class SmallEcho extends EchoPeripheral {
  override advertisingData() {
    return Uint8Array.of(0x02, 0x01, 0x06, 0x05, 0xff, 0xff, 0xff, 0x01, 0x00);
  }
  override scanResponseData() {
    return Uint8Array.of(0x05, 0x09, ...Buffer.from('Lock'));
  }
}

// noble's own LE Create Connection for c0:00:00:00:00:01 (random): scan 60 ms / 30 ms window,
// interval 7.5 to 22.5 ms, latency 0, supervision timeout 420 ms, CE length 2.5 to 3.75 ms.
const createConnection = '01 0d 20 19  60 00 30 00 00 01 01 00 00 00 00 c0 00 06 00 12 00 00 00 2a 00 04 00 06 00';

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
});

function connected() {
  const lock = new SmallEcho('c0:00:00:00:00:01', 'Lock');
  const hci = controllerOnBytes([lock]);
  hci.send(createConnection);
  vi.advanceTimersByTime(10); // the initiator hears the lock's first advertising event
  hci.take();
  return { lock, ...hci };
}

describe('the simulated HCI controller, byte for byte', () => {
  it('answers Reset with exactly the Command Complete noble’s UART driver waits for', () => {
    const { send, take } = controllerOnBytes([]);
    send('01 03 0c 00'); // H4 command, opcode 0x0c03 (Reset), no parameters
    // H4 event, Command Complete, 4 octets: 1 command credit, opcode 0x0c03, status 0
    expect(take()).toEqual(['04 0e 04 01 03 0c 00']);
  });

  it('reports its LE buffers, HCI 5.0 and, for an unknown opcode, status 0x01 instead of silence', () => {
    const { send, take } = controllerOnBytes([]);
    send('01 02 20 00'); // LE Read Buffer Size
    send('01 01 10 00'); // Read Local Version Information
    send('01 34 12 00'); // an opcode nobody defined
    expect(take()).toEqual([
      '04 0e 07 01 02 20 00 1b 00 08', // 27-octet buffers, 8 of them
      '04 0e 0c 01 01 10 00 09 01 00 09 ff ff 01 00', // HCI 5.0, rev 1, LMP 5.0, manufacturer 0xffff
      '04 0e 04 01 34 12 01', // Unknown HCI Command
    ]);
  });

  it('takes a command split over two reads, and two commands in one read', () => {
    const { send, take } = controllerOnBytes([]);
    send('01 03');
    send('0c 00 01 03 0c 00');
    expect(take()).toEqual(['04 0e 04 01 03 0c 00', '04 0e 04 01 03 0c 00']);
  });

  it('reports ADV_IND and SCAN_RSP together in one LE Advertising Report while actively scanning', () => {
    const { send, take } = controllerOnBytes([new SmallEcho('c0:00:00:00:00:01', 'Lock')]);
    send('01 0b 20 07 01 12 00 12 00 00 00'); // LE Set Scan Parameters: active, 11.25 ms
    send('01 0c 20 02 01 00'); // LE Set Scan Enable: on, duplicates reported
    expect(take()).toEqual(['04 0e 04 01 0b 20 00', '04 0e 04 01 0c 20 00']);
    vi.advanceTimersByTime(10);
    expect(take()).toEqual([
      '04 3e 25 02 02' + // LE Meta, 37 octets, Advertising Report, 2 reports
        ' 00 01 01 00 00 00 00 c0 09 02 01 06 05 ff ff ff 01 00 c4' + // ADV_IND, random, c0:..:01, 9 octets, RSSI -60
        ' 04 01 01 00 00 00 00 c0 06 05 09 4c 6f 63 6b c4', // SCAN_RSP, "Lock"
    ]);
    vi.advanceTimersByTime(100); // the next advertising event
    expect(take()).toHaveLength(1);
  });

  it('is silent about a peripheral out of range, and completes no connection to it until cancelled', () => {
    const lock = new SmallEcho('c0:00:00:00:00:01', 'Lock');
    lock.range = false;
    const { send, take } = controllerOnBytes([lock]);
    send('01 0c 20 02 01 00');
    send(createConnection);
    expect(take()).toEqual(['04 0e 04 01 0c 20 00', '04 0f 04 00 01 0d 20']); // Command Status: pending
    vi.advanceTimersByTime(5000);
    expect(take()).toEqual([]);
    send('01 0e 20 00'); // LE Create Connection Cancel
    expect(take()).toEqual([
      '04 0e 04 01 0e 20 00',
      // LE Connection Complete, status 0x02 (Unknown Connection Identifier), for c0:..:01
      '04 3e 13 01 02 00 00 00 01 01 00 00 00 00 c0 00 00 00 00 00 00 00',
    ]);
  });

  it('completes a connection at the peripheral’s advertising event, at a 15 ms interval', () => {
    const lock = new SmallEcho('c0:00:00:00:00:01', 'Lock');
    const { send, take } = controllerOnBytes([lock]);
    send(createConnection);
    vi.advanceTimersByTime(10);
    expect(take()).toEqual([
      '04 0f 04 00 01 0d 20',
      // handle 0x0040, central, random c0:..:01, interval 12 × 1.25 ms, latency 0, timeout 42 × 10 ms
      '04 3e 13 01 00 40 00 00 01 01 00 00 00 00 c0 0c 00 00 00 2a 00 00',
    ]);
    expect(lock.connections).toBe(1);
  });

  it('answers an ATT Write Request at the next connection event, and notifies once the CCCD is on', () => {
    const { send, take } = connected();
    // ACL handle 0x40, first fragment; L2CAP 5 octets on CID 4; Write Request, handle 6, "hi"
    send('02 40 00 09 00  05 00 04 00  12 06 00 68 69');
    vi.advanceTimersByTime(15); // connection event: the write arrives
    expect(take()).toEqual(h4('04 13 05 01 40 00 01 00')); // Number Of Completed Packets: 1 on 0x40
    vi.advanceTimersByTime(15); // next event: the response goes back
    expect(take()).toEqual(h4('02 40 20 05 00  01 00 04 00  13')); // ACL first (0b10); Write Response

    send('02 40 00 09 00  05 00 04 00  12 09 00 01 00'); // Write Request to the CCCD (handle 9): notify on
    send('02 40 00 09 00  05 00 04 00  12 06 00 68 69');
    vi.advanceTimersByTime(30);
    expect(take()).toEqual(
      h4(
        '04 13 05 01 40 00 02 00',
        '02 40 20 05 00  01 00 04 00  13',
        '02 40 20 05 00  01 00 04 00  13',
        '02 40 20 09 00  05 00 04 00  1b 08 00 68 69', // Handle Value Notification, handle 8, "hi"
      ),
    );
  });

  it('reassembles a write the host fragmented (0b00 then 0b01), and fragments the notification to 27 octets', () => {
    const { lock, send, take } = connected();
    send('02 40 00 07 00  03 00 04 00  02 f7 00'); // Exchange MTU Request, 247
    vi.advanceTimersByTime(30);
    expect(take()).toEqual(h4('04 13 05 01 40 00 01 00', '02 40 20 07 00  03 00 04 00  03 f7 00')); // Response: 247
    send('02 40 00 09 00  05 00 04 00  12 09 00 01 00');
    const value = Buffer.from(Array.from({ length: 40 }, (_, i) => i));
    // Write Request, handle 6, 40 octets: 47 octets of L2CAP, as 27 (flags 0b00) then 20 (0b01)
    send(`02 40 00 1b 00  2b 00 04 00  12 06 00 ${value.subarray(0, 20).toString('hex')}`);
    send(`02 40 10 14 00  ${value.subarray(20).toString('hex')}`);
    vi.advanceTimersByTime(15);
    expect(lock.writes.at(-1)).toEqual(new Uint8Array(value));
    expect(take()).toEqual(h4('04 13 05 01 40 00 03 00'));
    vi.advanceTimersByTime(15);
    expect(take()).toEqual(
      h4(
        '02 40 20 05 00  01 00 04 00  13',
        '02 40 20 05 00  01 00 04 00  13',
        `02 40 20 1b 00  2b 00 04 00  1b 08 00 ${value.subarray(0, 20).toString('hex')}`,
        `02 40 10 14 00  ${value.subarray(20).toString('hex')}`,
      ),
    );
  });

  it('carries at most four PDUs each way per connection event', () => {
    const { send, take } = connected();
    for (let i = 0; i < 6; i++) send('02 40 00 09 00  05 00 04 00  12 06 00 68 69');
    vi.advanceTimersByTime(15);
    expect(take()).toEqual(['04 13 05 01 40 00 04 00']);
    vi.advanceTimersByTime(15);
    const response = '02 40 20 05 00  01 00 04 00  13';
    expect(take()).toEqual(h4(response, response, response, response, '04 13 05 01 40 00 02 00'));
  });

  it('drops a link after the supervision timeout once the peripheral is out of range (reason 0x08)', () => {
    const { lock, take } = connected();
    lock.range = false;
    vi.advanceTimersByTime(405);
    expect(take()).toEqual([]);
    vi.advanceTimersByTime(30);
    expect(take()).toEqual(['04 05 04 00 40 00 08']); // Disconnection Complete, handle 0x40, Connection Timeout
    expect(lock.disconnections).toBe(1);
  });

  it('times out the link of a peripheral removed from the simulation, and stops reporting it', () => {
    const { lock, controller, send, take } = connected();
    controller.removePeripheral(lock);
    vi.advanceTimersByTime(435);
    expect(take()).toEqual(['04 05 04 00 40 00 08']);
    send('01 0c 20 02 01 00');
    vi.advanceTimersByTime(500);
    expect(take()).toEqual(['04 0e 04 01 0c 20 00']);
  });

  it('reports the peripheral hanging up (0x13) and a local Disconnect (0x16) at the next event', () => {
    const { lock, send, take } = connected();
    lock.link!.disconnect();
    vi.advanceTimersByTime(15);
    expect(take()).toEqual(['04 05 04 00 40 00 13']);

    send(createConnection);
    vi.advanceTimersByTime(100);
    take();
    send('01 06 04 03 41 00 13'); // Disconnect handle 0x41, reason Remote User Terminated
    expect(take()).toEqual(['04 0f 04 00 01 06 04']);
    vi.advanceTimersByTime(15);
    expect(take()).toEqual(['04 05 04 00 41 00 16']);
  });
});

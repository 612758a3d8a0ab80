import { describe, expect, it } from 'vitest';
import { transportCommands } from '../../../../src/main/devices/framing/commands';
import { MAX_MESSAGE_DATA, MAX_PAYLOAD } from '../../../../src/main/devices/framing/constants';
import { MessageAssembler, type AssemblyStep } from '../../../../src/main/devices/framing/message-assembler';
import { encodeMessage, parsePacket, reportCount, type Packet } from '../../../../src/main/devices/framing/packets';

const CID = 0x0badcafe;
const packets = (reports: Uint8Array[]): Packet[] => reports.map((r) => parsePacket(r)!);
const feed = (assembler: MessageAssembler, reports: Uint8Array[]): AssemblyStep[] => packets(reports).map((p) => assembler.accept(p));

describe('putting messages back together', () => {
  it('round-trips a message of every payload length from 0 to 7605 bytes', () => {
    const source = Uint8Array.from({ length: MAX_PAYLOAD }, (_, i) => (i * 31 + 7) & 0xff);
    const assembler = new MessageAssembler(CID);
    for (let length = 0; length <= MAX_PAYLOAD; length++) {
      const payload = source.subarray(0, length);
      const reports = encodeMessage(CID, transportCommands.msg, payload);
      let last: AssemblyStep = { status: 'incomplete' };
      for (const packet of packets(reports)) last = assembler.accept(packet);
      // Plain checks in the loop: 7606 expect() calls would make this the slowest test here.
      const whole = last.status === 'complete' && Buffer.compare(last.message.payload, payload) === 0;
      if (!whole || reports.length !== reportCount(length)) {
        expect.fail(`length ${length}: ${reports.length} reports, ${JSON.stringify(last.status === 'failed' ? last : last.status)}`);
      }
    }
    expect(assembler.receiving).toBe(false);
  });

  it('needs 129 reports for the largest message and refuses a larger one', () => {
    expect(reportCount(MAX_PAYLOAD)).toBe(129);
    expect(MAX_MESSAGE_DATA).toBe(7609);
    expect(() => encodeMessage(CID, transportCommands.msg, new Uint8Array(MAX_PAYLOAD + 1))).toThrow(RangeError);
  });

  it('reports a skipped continuation as invalid_sequence', () => {
    const reports = encodeMessage(CID, transportCommands.msg, new Uint8Array(200));
    const steps = feed(new MessageAssembler(CID), [reports[0]!, reports[2]!]);
    expect(steps[1]).toEqual({ status: 'failed', error: 'invalid_sequence', command: transportCommands.msg });
  });

  it('reports a new init packet in the middle of a message as invalid_sequence, then takes the next message', () => {
    const assembler = new MessageAssembler(CID);
    const long = encodeMessage(CID, transportCommands.msg, new Uint8Array(200));
    const short = encodeMessage(CID, transportCommands.ping, Uint8Array.of(9));
    expect(feed(assembler, [long[0]!, short[0]!])[1]).toMatchObject({ status: 'failed', error: 'invalid_sequence' });
    expect(feed(assembler, short)[0]).toMatchObject({ status: 'complete', message: { command: transportCommands.ping } });
  });

  it('reports a continuation with no message begun as invalid_sequence', () => {
    const reports = encodeMessage(CID, transportCommands.msg, new Uint8Array(100));
    expect(feed(new MessageAssembler(CID), [reports[1]!])[0]).toEqual({ status: 'failed', error: 'invalid_sequence', command: null });
  });

  it('reports a byte count under the CRC or over 7609 as invalid_length', () => {
    for (const byteCount of [0, 3, MAX_MESSAGE_DATA + 1, 0xffff]) {
      const [report] = encodeMessage(CID, transportCommands.msg, new Uint8Array(0));
      report![5] = byteCount >> 8;
      report![6] = byteCount & 0xff;
      expect(feed(new MessageAssembler(CID), [report!])[0]).toMatchObject({ status: 'failed', error: 'invalid_length' });
    }
  });

  it('reports a flipped payload byte, CRC byte or command byte as crc_mismatch', () => {
    const payload = Uint8Array.of(1, 2, 3);
    for (const index of [7, 10, 4]) {
      const [report] = encodeMessage(CID, transportCommands.msg, payload);
      report![index] = report![index]! ^ (index === 4 ? 0x02 : 0xff); // CMD stays an init packet
      expect(feed(new MessageAssembler(CID), [report!])[0]).toMatchObject({ status: 'failed', error: 'crc_mismatch' });
    }
  });

  it('reports a packet of a foreign channel as invalid_channel', () => {
    const [report] = encodeMessage(0x12345678, transportCommands.ping, new Uint8Array(0));
    expect(feed(new MessageAssembler(CID), [report!])[0]).toEqual({ status: 'failed', error: 'invalid_channel', command: null });
  });
});

import { describe, expect, it } from 'vitest';
import { transportCommands } from '../../../../src/main/devices/framing/commands';
import { encodeMessage } from '../../../../src/main/devices/framing/packets';
import { SimFaultPlan } from '../../../../simulators/devices/sim-hid-faults';

const CID = 7;
const message = (length: number) => encodeMessage(CID, transportCommands.msg, new Uint8Array(length));

describe('faults on request', () => {
  it('apply once, to the first message they fit', () => {
    const plan = new SimFaultPlan();
    plan.next({ kind: 'wrong_sequence', direction: 'to_device' });
    const single = message(10);
    expect(single.map((r) => plan.toDevice(r))).toEqual(single); // no continuation to spoil
    const [init, first, second] = message(150);
    expect(plan.toDevice(init!)).toEqual(init);
    expect(plan.toDevice(first!)![4]).toBe(1); // SEQ 0 became 1
    expect(plan.toDevice(second!)).toEqual(second);
    expect(plan.pending()).toEqual([]);
    const again = message(150);
    expect(again.map((r) => plan.toDevice(r))).toEqual(again);
  });

  it('drop the chosen report of an answer', () => {
    const plan = new SimFaultPlan();
    plan.next({ kind: 'drop_report', direction: 'to_host', packet: 1 });
    const reports = message(150);
    expect(plan.toHost(reports)).toEqual({ reports: [reports[0], reports[2]], stallMs: null });
  });

  it('flip a CRC byte, wherever the CRC falls', () => {
    const plan = new SimFaultPlan();
    plan.next({ kind: 'corrupt_crc', direction: 'to_host' });
    const reports = message(60); // the CRC sits in the continuation, after 3 payload bytes
    const { reports: sent } = plan.toHost(reports);
    expect(sent[0]).toEqual(reports[0]);
    expect(sent[1]![5 + 3]).toBe(reports[1]![5 + 3]! ^ 0xff);
  });

  it('swallow a whole request on a to_device stall, and only that one', () => {
    const plan = new SimFaultPlan();
    plan.next({ kind: 'stall', direction: 'to_device' });
    expect(message(150).map((r) => plan.toDevice(r))).toEqual([null, null, null]);
    const next = message(10);
    expect(plan.toDevice(next[0]!)).toEqual(next[0]);
  });

  it('hold back an answer on a to_host stall, for a while or for good', () => {
    const plan = new SimFaultPlan();
    plan.next({ kind: 'stall', direction: 'to_host', ms: 250 });
    plan.next({ kind: 'stall', direction: 'to_host' });
    const reports = message(10);
    expect(plan.toHost(reports)).toEqual({ reports, stallMs: 250 });
    expect(plan.toHost(reports)).toEqual({ reports: [], stallMs: null });
    expect(plan.toHost(reports)).toEqual({ reports, stallMs: null });
  });
});

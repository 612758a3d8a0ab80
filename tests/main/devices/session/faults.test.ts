import { describe, expect, it } from 'vitest';
import type { HidSession } from '../../../../src/main/devices/session/hid-session';
import type { SimHidDevice } from '../../../../simulators/devices/sim-hid-device';
import { bytes, expectCode, failure, never, programmerOnBus, sessionOn, settled, sessionsOnFakeTime } from './harness';

// The cable, the faults' stalls and both sides' timeouts run on fake time: a busy machine can
// neither let a timeout fire early nor an answer come late.
const closeAfterTest = sessionsOnFakeTime();

/** Short host timeouts keep the failures quick; the programmer's own reassembly timeout is 500 ms. */
async function started(): Promise<{ session: HidSession; device: SimHidDevice }> {
  const { bus, device } = programmerOnBus();
  const { session } = await settled(sessionOn(bus, device, { messageTimeoutMs: 200, reportTimeoutMs: 100 }));
  closeAfterTest(session);
  return { session, device };
}

/** The next exchange works: the session resynchronised after the failure. */
async function recovers(session: HidSession): Promise<void> {
  const payload = bytes(150, 9);
  const answer = await settled(session.exchange('msg', payload, { signal: never() }));
  expect(Buffer.from(answer.payload).equals(payload)).toBe(true);
}

const threePackets = bytes(150); // 154 data bytes: an init packet and two continuations

describe('a session meeting faults on the cable', () => {
  it('times out on a programmer that swallows a request, and resynchronises', async () => {
    const { session, device } = await started();
    device.faults.next({ kind: 'stall', direction: 'to_device' });
    const error = await settled(failure(session.exchange('msg', threePackets, { signal: never() })));
    expect(error).toMatchObject({ code: 'timeout', source: 'host', retrySafe: false });
    await recovers(session);
  });

  it('times out on a programmer that never answers, and resynchronises', async () => {
    const { session, device } = await started();
    device.faults.next({ kind: 'stall', direction: 'to_host' });
    expectCode(await settled(failure(session.exchange('ping', bytes(3), { signal: never() }))), 'timeout');
    await recovers(session);
  });

  it('skips the late answer of a programmer that hung past the timeout', async () => {
    const { bus, device } = programmerOnBus();
    const { session } = await settled(sessionOn(bus, device)); // the resync waits up to 3 s for the hung programmer
    closeAfterTest(session);
    device.faults.next({ kind: 'stall', direction: 'to_host', ms: 400 });
    expectCode(await settled(failure(session.exchange('msg', Uint8Array.of(1), { signal: never(), timeoutMs: 150 }))), 'timeout');
    // The late answer to "1" comes first on the cable; the session must not take it for this one.
    const answer = await settled(session.exchange('msg', Uint8Array.of(2), { signal: never() }));
    expect(answer.payload).toEqual(Uint8Array.of(2));
  });

  it('hears invalid_sequence from the programmer when a report to it is lost', async () => {
    const { session, device } = await started();
    device.faults.next({ kind: 'drop_report', direction: 'to_device', packet: 1 });
    const error = await settled(failure(session.exchange('msg', threePackets, { signal: never() })));
    expect(error).toMatchObject({ code: 'invalid_sequence', source: 'device', retrySafe: true });
    await recovers(session);
  });

  it('hears message_timeout from the programmer when the last report to it is lost', async () => {
    const { bus, device } = programmerOnBus();
    const { session } = await settled(sessionOn(bus, device)); // default 3 s message time, longer than the programmer's 500 ms
    closeAfterTest(session);
    device.faults.next({ kind: 'drop_report', direction: 'to_device', packet: 2 });
    const error = await settled(failure(session.exchange('msg', threePackets, { signal: never() })));
    expect(error).toMatchObject({ code: 'message_timeout', source: 'device', retrySafe: true });
    await recovers(session);
  });

  it('notices a lost report of the answer as invalid_sequence, not safe to retry', async () => {
    const { session, device } = await started();
    device.faults.next({ kind: 'drop_report', direction: 'to_host', packet: 1 });
    const error = await settled(failure(session.exchange('msg', threePackets, { signal: never() })));
    expect(error).toMatchObject({ code: 'invalid_sequence', source: 'host', retrySafe: false });
    await recovers(session);
  });

  it('times out when the last report of the answer is lost', async () => {
    const { session, device } = await started();
    device.faults.next({ kind: 'drop_report', direction: 'to_host', packet: 2 });
    expectCode(await settled(failure(session.exchange('msg', threePackets, { signal: never() }))), 'timeout');
    await recovers(session);
  });

  it('hears crc_mismatch from the programmer for a request corrupted on the way', async () => {
    const { session, device } = await started();
    device.faults.next({ kind: 'corrupt_crc', direction: 'to_device' });
    const error = await settled(failure(session.exchange('msg', threePackets, { signal: never() })));
    expect(error).toMatchObject({ code: 'crc_mismatch', source: 'device', retrySafe: true });
    await recovers(session);
  });

  it('notices a corrupted answer as crc_mismatch, not safe to retry', async () => {
    const { session, device } = await started();
    device.faults.next({ kind: 'corrupt_crc', direction: 'to_host' });
    const error = await settled(failure(session.exchange('msg', bytes(10), { signal: never() })));
    expect(error).toMatchObject({ code: 'crc_mismatch', source: 'host', retrySafe: false });
    await recovers(session);
  });

  it('hears invalid_sequence from the programmer for a request with a wrong SEQ', async () => {
    const { session, device } = await started();
    device.faults.next({ kind: 'wrong_sequence', direction: 'to_device' });
    const error = await settled(failure(session.exchange('msg', threePackets, { signal: never() })));
    expect(error).toMatchObject({ code: 'invalid_sequence', source: 'device', retrySafe: true });
    await recovers(session);
  });

  it('notices an answer with a wrong SEQ', async () => {
    const { session, device } = await started();
    device.faults.next({ kind: 'wrong_sequence', direction: 'to_host', packet: 2 });
    const error = await settled(failure(session.exchange('msg', threePackets, { signal: never() })));
    expect(error).toMatchObject({ code: 'invalid_sequence', source: 'host', retrySafe: false });
    await recovers(session);
  });

  it('stops on the caller’s signal, then works again', async () => {
    const { session, device } = await started();
    let cancelled = false;
    let reached!: () => void;
    const working = new Promise<void>((resolve) => (reached = resolve));
    // Works until cancelled, so only the resync's CANCEL can end it.
    device.handler = (payload, signal) =>
      new Promise((resolve) => {
        reached(); // the request is in: the caller now stops waiting for its answer
        signal.addEventListener('abort', () => ((cancelled = true), resolve(payload)));
      });
    const stop = new AbortController();
    const pending = session.exchange('msg', bytes(4), { signal: stop.signal, timeoutMs: 1000 });
    await settled(working);
    stop.abort();
    expect(await settled(failure(pending))).toMatchObject({ code: 'aborted', retrySafe: false });
    device.handler = async (p) => p;
    await recovers(session);
    expect(cancelled).toBe(true); // the resync's CANCEL stopped the application
  });
});

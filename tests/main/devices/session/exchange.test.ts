import { describe, expect, it } from 'vitest';
import { MAX_PAYLOAD } from '../../../../src/main/devices/framing/constants';
import { bytes, delay, failure, never, programmerOnBus, sessionOn, settled, sessionsOnFakeTime } from './harness';

// The cable and the programmer's work run on fake time: a busy machine cannot reorder them.
const closeAfterTest = sessionsOnFakeTime();

async function started(options: Parameters<typeof programmerOnBus>[0] = {}) {
  const { bus, device } = programmerOnBus(options);
  const { session, link } = await settled(sessionOn(bus, device));
  closeAfterTest(session);
  return { bus, device, session, link };
}

describe('exchanging messages with the programmer', () => {
  it('gets a channel of its own and the programmer version from INIT', async () => {
    const { session } = await started({ firmware: { major: 2, minor: 5, build: 9 } });
    expect(session.channel).toBe(1);
    expect(session.version).toMatchObject({ protocolVersion: 2, major: 2, minor: 5, build: 9 });
  });

  it('echoes PING and hands MSG payloads to the application', async () => {
    const { session, device } = await started();
    device.handler = async (payload) => Uint8Array.from(payload, (b) => b ^ 0xff);
    expect(await settled(session.exchange('ping', bytes(10), { signal: never() }))).toEqual({ command: 'ping', payload: bytes(10) });
    const answer = await settled(session.exchange('msg', Uint8Array.of(0x00, 0x0f), { signal: never() }));
    expect(answer).toEqual({ command: 'msg', payload: Uint8Array.of(0xff, 0xf0) });
  });

  it('carries the largest message both ways, at about the pace of the cable', async () => {
    const { session, link } = await started();
    const payload = bytes(MAX_PAYLOAD, 3);
    const answer = await settled(session.exchange('msg', payload, { signal: never() }));
    expect(Buffer.from(answer.payload).equals(payload)).toBe(true);
    const stats = link.stats();
    // INIT (1 report) + MSG (129), and back: INIT answer (1) + MSG answer (129).
    expect(stats.toDevice.reports).toBe(130);
    expect(stats.toHost.reports).toBe(130);
    expect(stats.toHost.bytes).toBe(130 * 64);
    // 129 reports cannot cross in less than 128 ms of frames after the first.
    expect(stats.toHost.lastAt! - stats.toHost.firstAt!).toBeGreaterThanOrEqual(128);
  });

  it('refuses a payload over the limit before anything goes out', async () => {
    const { session, link } = await started();
    const before = link.stats().toDevice.reports;
    const error = await settled(failure(session.exchange('msg', new Uint8Array(MAX_PAYLOAD + 1), { signal: never() })));
    expect(error).toMatchObject({ code: 'payload_too_large', retrySafe: true });
    expect(link.stats().toDevice.reports).toBe(before);
  });

  it('runs exchanges one at a time, in the order they were asked for', async () => {
    const { session, device } = await started();
    let running = 0;
    let most = 0;
    device.handler = async (payload) => {
      most = Math.max(most, ++running);
      await delay(15);
      running--;
      return payload;
    };
    const answers = await settled(Promise.all([1, 2, 3, 4].map((n) => session.exchange('msg', Uint8Array.of(n), { signal: never() }))));
    expect(answers.map((a) => a.payload[0])).toEqual([1, 2, 3, 4]);
    expect(most).toBe(1);
  });

  it('lets a caller waiting its turn give up without reaching the device', async () => {
    const { session, device } = await started();
    const seen: number[] = [];
    device.handler = async (payload) => {
      seen.push(payload[0]!);
      await delay(30);
      return payload;
    };
    const first = session.exchange('msg', Uint8Array.of(1), { signal: never() });
    const giveUp = new AbortController();
    const second = session.exchange('msg', Uint8Array.of(2), { signal: giveUp.signal });
    giveUp.abort();
    expect(await settled(failure(second))).toMatchObject({ code: 'aborted', retrySafe: true });
    await settled(first);
    expect((await settled(session.exchange('msg', Uint8Array.of(3), { signal: never() }))).payload).toEqual(Uint8Array.of(3));
    expect(seen).toEqual([1, 3]);
  });

  it('answers an application failure as device_error, not safe to retry', async () => {
    const { session, device } = await started();
    device.handler = async () => {
      throw new Error('door did not answer');
    };
    expect(await settled(failure(session.exchange('msg', bytes(4), { signal: never() })))).toMatchObject({
      code: 'device_error',
      source: 'device',
      retrySafe: false,
    });
    device.handler = async (p) => p;
    expect((await settled(session.exchange('msg', bytes(4), { signal: never() }))).payload).toEqual(bytes(4));
  });

  it('ends pending exchanges as closed when the session closes', async () => {
    const { session, device } = await started();
    let reached!: () => void;
    const working = new Promise<void>((resolve) => (reached = resolve));
    device.handler = (payload, signal) =>
      new Promise((resolve) => {
        reached(); // the request is in: the exchange waits for its answer
        signal.addEventListener('abort', () => resolve(payload));
      });
    const pending = failure(session.exchange('msg', bytes(4), { signal: never() }));
    await settled(working);
    await settled(session.close());
    expect(await pending).toMatchObject({ code: 'closed', retrySafe: false });
    expect(await settled(failure(session.exchange('ping', bytes(1), { signal: never() })))).toMatchObject({ code: 'closed' });
  });
});

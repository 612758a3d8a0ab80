import { describe, expect, it, vi } from 'vitest';
import type { KeepAliveStatus } from '../../../../src/main/devices/framing/commands';
import { MAX_PAYLOAD } from '../../../../src/main/devices/framing/constants';
import { bytes, delay, failure, never, programmerOnBus, sessionOn, settled, sessionsOnFakeTime } from './harness';

// The cable, the keep-alives and the deadlines run on fake time: a slow machine cannot stretch
// a keep-alive past its deadline, nor let a transfer finish before the cable is pulled.
const closeAfterTest = sessionsOnFakeTime();

describe('keep-alives', () => {
  it('keep a slow exchange alive well past its message time, reporting what the programmer does', async () => {
    const { bus, device } = programmerOnBus();
    const statuses: KeepAliveStatus[] = [];
    const { session } = await settled(sessionOn(bus, device, { onKeepAlive: (status) => statuses.push(status) }));
    closeAfterTest(session);
    device.handler = async (payload, _signal, keepAlive) => {
      await delay(250);
      keepAlive.setStatus('waiting_for_door');
      await delay(250);
      return payload;
    };
    const answer = await settled(session.exchange('msg', bytes(8), { signal: never(), timeoutMs: 300 }));
    expect(answer.payload).toEqual(bytes(8));
    expect(statuses[0]).toBe('processing');
    expect(statuses.at(-1)).toBe('waiting_for_door');
  });

  it('stop buying time after maxKeepAliveMs', async () => {
    const { bus, device } = programmerOnBus();
    const { session } = await settled(sessionOn(bus, device, { maxKeepAliveMs: 200 }));
    closeAfterTest(session);
    device.handler = (payload, signal) => new Promise((resolve) => signal.addEventListener('abort', () => resolve(payload)));
    const error = await settled(failure(session.exchange('msg', bytes(8), { signal: never(), timeoutMs: 150 })));
    expect(error).toMatchObject({ code: 'timeout', retrySafe: false });
  });
});

describe('unplugging', () => {
  it('fails an exchange waiting for its answer as disconnected, and every one after', async () => {
    const { bus, device } = programmerOnBus();
    const { session } = await settled(sessionOn(bus, device));
    closeAfterTest(session);
    let stopped = false;
    let reached!: () => void;
    const working = new Promise<void>((resolve) => (reached = resolve));
    device.handler = (payload, signal) =>
      new Promise((resolve) => {
        reached(); // the whole request is in: the programmer works on it
        signal.addEventListener('abort', () => ((stopped = true), resolve(payload)));
      });
    const pending = failure(session.exchange('msg', bytes(8), { signal: never() }));
    await settled(working);
    device.unplug();
    expect(await settled(pending)).toMatchObject({ code: 'disconnected', retrySafe: false });
    expect(stopped).toBe(true);
    device.replug();
    expect(await settled(failure(session.exchange('ping', bytes(1), { signal: never() })))).toMatchObject({ code: 'disconnected' });
    // A new session on the replugged programmer's new path works.
    const again = await settled(sessionOn(bus, device));
    closeAfterTest(again.session);
    expect((await settled(again.session.exchange('ping', bytes(1), { signal: never() }))).payload).toEqual(bytes(1));
  });

  it('fails a request cut off half way through as disconnected, safe to retry', async () => {
    const { bus, device } = programmerOnBus();
    const { session, link } = await settled(sessionOn(bus, device));
    closeAfterTest(session);
    const pending = failure(session.exchange('msg', bytes(MAX_PAYLOAD), { signal: never() }));
    while (link.stats().toDevice.reports < 40) await vi.advanceTimersToNextTimerAsync(); // 40 of its 129 reports are out
    device.unplug();
    expect(await settled(pending)).toMatchObject({ code: 'disconnected', retrySafe: true });
  });

  it('fails an answer cut off half way through as disconnected', async () => {
    const { bus, device } = programmerOnBus();
    const { session, link } = await settled(sessionOn(bus, device));
    closeAfterTest(session);
    const pending = failure(session.exchange('msg', bytes(MAX_PAYLOAD), { signal: never() }));
    while (link.stats().toHost.reports < 40) await vi.advanceTimersToNextTimerAsync();
    device.unplug();
    expect(await settled(pending)).toMatchObject({ code: 'disconnected', retrySafe: false });
  });
});

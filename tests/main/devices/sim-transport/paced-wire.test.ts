import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LinkClosedError } from '../../../../src/main/devices/link';
import { PacedWire, wireLimitMs } from '../../../../simulators/devices/sim-hid-wire';

const report = (n: number) => Uint8Array.of(n);

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
});

/** A wire on the fake clock, recording when each report arrived. */
function recordingWire() {
  // Date.now() under fake timers only counts whole milliseconds; `fraction` adds the rest.
  const clock = { fraction: 0 };
  const now = () => Date.now() + clock.fraction;
  const wire = new PacedWire(now);
  const arrivals: Array<[number, number]> = [];
  const send = (n: number) => wire.send(report(n), (r) => arrivals.push([r[0]!, now()]));
  return { wire, arrivals, send, clock };
}

describe('a full-speed USB pipe', () => {
  it('moves one report per 1 ms frame, each arriving at the end of its frame', async () => {
    const { arrivals, send } = recordingWire();
    for (let n = 0; n < 5; n++) void send(n);
    await vi.advanceTimersByTimeAsync(10);
    expect(arrivals).toEqual([
      [0, 1],
      [1, 2],
      [2, 3],
      [3, 4],
      [4, 5],
    ]);
  });

  it('lets a writer go on as soon as its report is on the wire, so writes one after another keep every frame busy', async () => {
    const { arrivals, send } = recordingWire();
    const writer = (async () => {
      for (let n = 0; n < 4; n++) await send(n);
    })();
    await vi.advanceTimersByTimeAsync(10);
    await writer;
    expect(arrivals.map(([, at]) => at)).toEqual([1, 2, 3, 4]);
  });

  it('catches up after a late timer instead of drifting: later reports keep to the frame grid', async () => {
    const { arrivals, send } = recordingWire();
    for (let n = 0; n < 10; n++) void send(n);
    // The event loop was busy: the clock reads 6 ms when the 1 ms timer finally runs.
    vi.setSystemTime(5);
    await vi.advanceTimersByTimeAsync(1);
    expect(arrivals.map(([, at]) => at)).toEqual([6, 6, 6, 6, 6, 6]);
    await vi.advanceTimersByTimeAsync(10);
    expect(arrivals.map(([, at]) => at)).toEqual([6, 6, 6, 6, 6, 6, 7, 8, 9, 10]);
  });

  it('puts a report sent mid-frame in the next frame, and one sent after a pause in the first free frame', async () => {
    const { arrivals, send, clock } = recordingWire();
    void send(0); // epoch: frame 0 is 0..1 ms
    await vi.advanceTimersByTimeAsync(2);
    clock.fraction = 0.4; // 2.4 ms: frame 2 has begun, so frame 3, arriving at 4
    void send(1);
    clock.fraction = 0;
    await vi.advanceTimersByTimeAsync(50);
    void send(2); // 52 ms, after a long idle: frame 52 starts now, arriving at 53
    await vi.advanceTimersByTimeAsync(5);
    expect(arrivals.map(([, at]) => at)).toEqual([1, 4, 53]);
  });

  it('tells writers waiting for a frame that the cable was pulled', async () => {
    const { wire, arrivals, send } = recordingWire();
    const first = send(0);
    const second = send(1);
    wire.cut();
    await expect(first).resolves.toBeUndefined(); // it was already on the wire
    await expect(second).rejects.toBeInstanceOf(LinkClosedError);
    await vi.advanceTimersByTimeAsync(5);
    expect(arrivals).toEqual([]);
  });

  it('states the limit: bytes / 64 ms', () => {
    expect(wireLimitMs(64)).toBe(1);
    expect(wireLimitMs(130 * 64)).toBe(130);
  });
});

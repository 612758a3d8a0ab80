import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchHidBus } from '../../../../src/main/devices/hotplug';
import type { HidBus, HidDeviceInfo } from '../../../../src/main/devices/link';
import { SimHidBus } from '../../../../simulators/devices/sim-hid-bus';

const programmer = (path: string): HidDeviceInfo => ({
  path,
  vendorId: 0x1209,
  productId: 0x0001,
  usagePage: 0xff50,
  usage: 0x01,
  serialNumber: null,
  product: null,
  simulated: false,
});

/** A bus whose listing the test sets, counting listings and how many run at once. */
function scriptedBus() {
  const state = { devices: [] as HidDeviceInfo[], listings: 0, running: 0, mostAtOnce: 0, fail: false, slowMs: 0 };
  const bus: HidBus = {
    async list() {
      state.listings++;
      state.mostAtOnce = Math.max(state.mostAtOnce, ++state.running);
      try {
        if (state.slowMs) await new Promise((resolve) => setTimeout(resolve, state.slowMs));
        if (state.fail) throw new Error('enumeration failed');
        return [...state.devices];
      } finally {
        state.running--;
      }
    },
    open: () => Promise.reject(new Error('not here')),
  };
  return { bus, state };
}

function watching(bus: HidBus, intervalMs?: number) {
  const events: string[] = [];
  const errors: unknown[] = [];
  const stop = new AbortController();
  const watch = watchHidBus(bus, {
    ...(intervalMs === undefined ? {} : { intervalMs }),
    onAttach: (info) => events.push(`+${info.path}`),
    onDetach: (info) => events.push(`-${info.path}`),
    onError: (error) => errors.push(error),
    signal: stop.signal,
  });
  return { events, errors, stop, watch };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('watching the bus for programmers', () => {
  it('reports those already plugged in, then attach and detach within about a second', async () => {
    const { bus, state } = scriptedBus();
    state.devices = [programmer('a')];
    const { events, stop, watch } = watching(bus);
    await vi.advanceTimersByTimeAsync(0);
    expect(events).toEqual(['+a']);
    state.devices = [programmer('a'), programmer('b')];
    await vi.advanceTimersByTimeAsync(1000);
    expect(events).toEqual(['+a', '+b']);
    state.devices = [programmer('b')];
    await vi.advanceTimersByTimeAsync(1000);
    expect(events).toEqual(['+a', '+b', '-a']);
    expect(watch.devices().map((d) => d.path)).toEqual(['b']);
    stop.abort();
    await watch.stopped;
  });

  it('sees a replug under a new path as a detach and an attach', async () => {
    const { bus, state } = scriptedBus();
    state.devices = [programmer('/dev/hidraw3')];
    const { events, stop } = watching(bus);
    await vi.advanceTimersByTimeAsync(0);
    state.devices = [programmer('/dev/hidraw4')];
    await vi.advanceTimersByTimeAsync(1000);
    expect(events).toEqual(['+/dev/hidraw3', '-/dev/hidraw3', '+/dev/hidraw4']);
    stop.abort();
  });

  it('never starts a listing while one is still running', async () => {
    const { bus, state } = scriptedBus();
    state.slowMs = 3500;
    const { stop } = watching(bus, 1000);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(state.mostAtOnce).toBe(1);
    expect(state.listings).toBe(3); // 0-3.5 s, 4.5-8 s, 9-12.5 s
    stop.abort();
  });

  it('survives a listing that throws, keeping what it saw before', async () => {
    const { bus, state } = scriptedBus();
    state.devices = [programmer('a')];
    const { events, errors, stop, watch } = watching(bus);
    await vi.advanceTimersByTimeAsync(0);
    state.fail = true;
    await vi.advanceTimersByTimeAsync(2000);
    expect(errors).toHaveLength(2);
    expect(events).toEqual(['+a']);
    expect(watch.devices()).toHaveLength(1);
    state.fail = false;
    state.devices = [];
    await vi.advanceTimersByTimeAsync(1000);
    expect(events).toEqual(['+a', '-a']);
    stop.abort();
  });

  it('keeps watching when a listener throws', async () => {
    const { bus, state } = scriptedBus();
    state.devices = [programmer('a'), programmer('b')];
    const seen: string[] = [];
    const errors: unknown[] = [];
    const stop = new AbortController();
    watchHidBus(bus, {
      onAttach: (info) => {
        seen.push(info.path);
        if (info.path === 'a') throw new Error('listener failed');
      },
      onDetach: () => undefined,
      onError: (error) => errors.push(error),
      signal: stop.signal,
    });
    await vi.advanceTimersByTimeAsync(1000);
    expect(seen).toEqual(['a', 'b']);
    expect(errors).toHaveLength(1);
    stop.abort();
  });

  it('stops listing once its signal aborts, even mid-listing', async () => {
    const { bus, state } = scriptedBus();
    state.slowMs = 500;
    const { events, stop, watch } = watching(bus);
    await vi.advanceTimersByTimeAsync(100);
    state.devices = [programmer('late')];
    stop.abort();
    await vi.advanceTimersByTimeAsync(5000);
    await watch.stopped;
    expect(state.listings).toBe(1);
    expect(events).toEqual([]);
  });

  it('notices simulated programmers plugged in and pulled out at run time', async () => {
    const bus = new SimHidBus();
    const { events, stop } = watching(bus);
    await vi.advanceTimersByTimeAsync(0);
    const device = bus.attach();
    await vi.advanceTimersByTimeAsync(1000);
    const path = device.info.path;
    device.unplug();
    await vi.advanceTimersByTimeAsync(1000);
    device.replug();
    await vi.advanceTimersByTimeAsync(1000);
    bus.detach(device);
    await vi.advanceTimersByTimeAsync(1000);
    expect(events).toEqual([`+${path}`, `-${path}`, `+${device.info.path}`, `-${device.info.path}`]);
    stop.abort();
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { watchDevices, type DeviceStatus, type DeviceWatch, type DeviceWatchDeps } from '../../../src/main/hardware/device-watch';

interface Stick {
  path: string;
  label: string;
  simulated: boolean;
}

/** What is open on a stick: closed by the watcher, or gone when the test unplugs it mid-use. */
class Handle {
  closed = false;
  private goneListeners: ((why: string) => void)[] = [];
  constructor(readonly stick: Stick) {}
  async close(): Promise<void> {
    this.closed = true;
  }
  goneAway(why: string): void {
    for (const l of this.goneListeners) l(why);
  }
  onGone(listener: (why: string) => void): void {
    this.goneListeners.push(listener);
  }
}

const real = (n: number): Stick => ({ path: `/dev/ttyACM${n}`, label: `Stick ${n}`, simulated: false });
const simulated: Stick = { path: 'sim', label: 'Simulated stick', simulated: true };

/** A USB port the test plugs sticks into; opening fails while `failures` lasts. */
function bench(options: Partial<DeviceWatchDeps<Stick, Handle>> = {}) {
  const plugged: Stick[] = [];
  const handles: Handle[] = [];
  const heard: (Handle | null)[] = [];
  const errors: unknown[] = [];
  /** Each status the owner was told of, in order (the watch moves on faster than a test looks). */
  const statuses: DeviceStatus<Stick>[] = [];
  const state = { failures: 0, attempts: 0, listings: 0, holdOpen: null as Promise<void> | null };
  const watch: DeviceWatch<Stick, Handle> = watchDevices<Stick, Handle>({
    list: async () => {
      state.listings += 1;
      return [...plugged];
    },
    open: async (stick) => {
      state.attempts += 1;
      await state.holdOpen;
      if (state.failures > 0) {
        state.failures -= 1;
        throw new Error('port busy');
      }
      const handle = new Handle(stick);
      handles.push(handle);
      return handle;
    },
    keyOf: (stick) => stick.path,
    opened: (handle) => heard.push(handle),
    changed: () => statuses.push(watch.status()),
    logError: (error) => errors.push(error),
    retryFailed: 'every_listing',
    watchGone: (handle, gone) => handle.onGone(gone),
    intervalMs: 5,
    ...options,
  });
  watches.push(watch);
  return { watch, plugged, handles, heard, errors, state, statuses };
}

const watches: DeviceWatch<Stick, Handle>[] = [];
const gates: (() => void)[] = [];
afterEach(async () => {
  // A test that failed while an open was held lets it through, so closing does not wait forever.
  for (const open of gates.splice(0)) open();
  for (const w of watches.splice(0)) await w.close();
});

/** A promise the test lets through when it chooses. */
function gate() {
  let open = (): void => undefined;
  const promise = new Promise<void>((resolve) => (open = resolve));
  gates.push(open);
  return { promise, open };
}

/** Waits for a condition the watcher reaches on one of its listings (no time limit: the test's own stops a hang). */
async function until<T>(probe: () => T | null | undefined | false): Promise<T> {
  for (;;) {
    const found = probe();
    if (found) return found;
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('watching a kind of USB device', () => {
  it('opens a stick when it is plugged in, a real one before the simulated one, and tells its owner', async () => {
    const b = bench();
    expect(b.watch.status()).toEqual({ kind: 'none' });
    b.plugged.push(simulated, real(0));
    await until(() => b.watch.status().kind === 'open');
    expect(b.watch.inUse()).toEqual(real(0));
    expect(b.watch.found()).toEqual([simulated, real(0)]);
    expect(b.heard).toEqual([b.handles[0]]);
    expect(b.handles).toHaveLength(1);
  });

  it('unplugged while in use: the handle is closed, the owner hears it gone, and the next stick plugged in is opened', async () => {
    const b = bench();
    b.plugged.push(real(0));
    await until(() => b.watch.status().kind === 'open');
    b.plugged.splice(0);
    await until(() => b.watch.status().kind === 'unplugged');
    expect(b.handles[0]!.closed).toBe(true);
    expect(b.heard).toEqual([b.handles[0], null]);
    expect(b.watch.inUse()).toBeNull();

    b.plugged.push(real(1));
    await until(() => b.watch.status().kind === 'open');
    expect(b.watch.inUse()).toEqual(real(1));
  });

  it('a stick that says it went away mid-use is closed and opened again at the next listing where it shows', async () => {
    const b = bench();
    b.plugged.push(real(0));
    await until(() => b.watch.status().kind === 'open');
    b.handles[0]!.goneAway('cable pulled');
    expect(await until(() => b.statuses.find((s) => s.kind === 'gone'))).toEqual({ kind: 'gone', device: real(0), why: 'cable pulled' });
    expect(b.handles[0]!.closed).toBe(true);
    expect(b.heard.slice(0, 2)).toEqual([b.handles[0], null]);
    await until(() => b.handles.length === 2 && b.watch.status().kind === 'open');
    // A late word from the closed handle changes nothing.
    b.handles[0]!.goneAway('late');
    expect(b.watch.status().kind).toBe('open');
  });

  it('an open that fails says why and is tried again at the next listing, until it opens', async () => {
    const b = bench();
    b.state.failures = 2;
    b.plugged.push(real(0));
    expect(await until(() => b.statuses.find((s) => s.kind === 'failed'))).toEqual({ kind: 'failed', device: real(0), error: 'port busy' });
    expect(b.heard).toEqual([]);
    await until(() => b.watch.status().kind === 'open');
    expect(b.state.failures).toBe(0);
    expect(b.heard).toEqual([b.handles[0]]);
  });

  it('with retries on a changed list only, a failed stick waits until it is replugged or another comes', async () => {
    const b = bench({ retryFailed: 'when_list_changes' });
    b.state.failures = 1;
    b.plugged.push(real(0));
    await until(() => b.watch.status().kind === 'failed');
    const listed = b.state.listings;
    await until(() => b.state.listings >= listed + 5);
    expect(b.state.attempts).toBe(1);
    expect(b.watch.status().kind).toBe('failed');
    b.plugged.push(real(1));
    await until(() => b.watch.status().kind === 'open');
    expect(b.watch.inUse()).toEqual(real(0));
    expect(b.state.attempts).toBe(2);
  });

  it('uses the stick staff chose, closing the one in use, and refuses one that is not plugged in', async () => {
    const b = bench();
    b.plugged.push(real(0), real(1));
    await until(() => b.watch.status().kind === 'open');
    expect(await b.watch.choose('/dev/ttyACM9')).toBe(false);
    expect(await b.watch.choose(real(1).path)).toBe(true);
    expect(b.watch.inUse()).toEqual(real(1));
    expect(b.handles[0]!.closed).toBe(true);
    expect(b.heard).toEqual([b.handles[0], null, b.handles[1]]);
  });

  it('closing waits for a stick being opened and closes it, and lists no more', async () => {
    const opening = gate();
    const b = bench();
    b.state.holdOpen = opening.promise;
    b.plugged.push(real(0));
    await until(() => b.watch.status().kind === 'opening');
    let closed = false;
    const closing = b.watch.close().then(() => (closed = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(closed).toBe(false);
    opening.open();
    await closing;
    expect(b.handles.every((h) => h.closed)).toBe(true);
    // A handle that opened after close was never given to the owner.
    expect(b.heard.filter((h) => h !== null)).toEqual([]);
    const listed = b.state.listings;
    b.plugged.push(real(1));
    await new Promise((r) => setTimeout(r, 30));
    expect(b.state.listings).toBe(listed);
    expect(b.state.attempts).toBe(1);
    expect(b.watch.inUse()).toBeNull();
  });

  it('a listing that fails is logged and the watch goes on', async () => {
    let fail = true;
    const plugged = [real(0)];
    const b = bench({
      list: async () => {
        if (fail) {
          fail = false;
          throw new Error('no USB bus');
        }
        return plugged;
      },
    });
    await until(() => b.watch.status().kind === 'open');
    expect(b.errors).toEqual([new Error('no USB bus')]);
  });
});

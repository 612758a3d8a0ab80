import type { DoorDescription, ProgrammerIdentity } from '../devices/keyprog/commands';
import { DoorFailure } from '../devices/drivers/door-failure';
import type { KeyProgrammerDriver } from '../devices/drivers/key-programmer-driver';
import { watchHidBus } from '../devices/hotplug';
import type { HidBus, HidDeviceInfo, HidLink } from '../devices/link';
import type { StartedJob } from './job-runner';

/** A key-programmer on a USB port, as the console holds it. */
export interface ConnectedProgrammer {
  info: HidDeviceInfo;
  driver: KeyProgrammerDriver | null;
  identity: ProgrammerIdentity | null;
  /** The lock or reader on its cable, as last described; null when nothing is attached. */
  door: DoorDescription | null;
  message: string | null;
  /** The latest job started through this programmer, running or ended. */
  job: StartedJob | null;
}

export function isBusy(p: ConnectedProgrammer): boolean {
  return p.job?.record.status === 'running';
}

export interface ProgrammersDeps {
  buses: HidBus[];
  openDriver: (link: HidLink) => Promise<KeyProgrammerDriver>;
  /** Something a window shows changed (a programmer came or went, its door changed). */
  onChange: () => void;
  /** How often each bus is listed for programmers plugged in or pulled out. */
  hotplugIntervalMs?: number;
  /** How often an idle programmer is asked what is on its cable. */
  doorPollMs?: number;
}

export interface Programmers {
  list(): ConnectedProgrammer[];
  get(id: string): ConnectedProgrammer;
  /** Asks the programmer again what is on its cable (a job does, at its end, before it reports done). */
  refresh(id: string, duringJob?: boolean): Promise<void>;
  close(): Promise<void>;
}

/**
 * Watches every bus for key-programmers: opens each one that appears (claiming it, so no
 * other window or program interleaves), asks who it is and what is on its cable, and keeps
 * asking while it sits idle, so a door plugged onto the cable shows within a couple of seconds.
 */
export function watchProgrammers(deps: ProgrammersDeps): Programmers {
  const connected = new Map<string, ConnectedProgrammer>();
  // Which bus each programmer is on, and which are being opened now: one that could not be
  // opened (an answer lost on a busy machine, a claim still held) is tried again at the next poll.
  const busOf = new Map<string, HidBus>();
  const opening = new Set<string>();
  const stop = new AbortController();

  /** The poll leaves a programmer alone while it runs a job; the job itself asks at its end. */
  const describe = async (p: ConnectedProgrammer, duringJob = false): Promise<void> => {
    if (!p.driver || (isBusy(p) && !duringJob)) return;
    const before = JSON.stringify([p.door, p.message]);
    try {
      p.door = await p.driver.describeDoor(AbortSignal.timeout(5_000));
      p.message = null;
    } catch (error) {
      // A garbled or lost answer says nothing about the door: keep what was last seen.
      if (error instanceof DoorFailure && error.reason === 'disconnected') p.door = null;
      p.message = error instanceof DoorFailure ? error.message : 'The programmer did not answer.';
    }
    if (JSON.stringify([p.door, p.message]) !== before) deps.onChange();
  };

  const attach = async (bus: HidBus, info: HidDeviceInfo): Promise<void> => {
    const p: ConnectedProgrammer = { info, driver: null, identity: null, door: null, message: 'Connecting…', job: null };
    connected.set(info.path, p);
    busOf.set(info.path, bus);
    opening.add(info.path);
    deps.onChange();
    try {
      const driver = await deps.openDriver(await bus.open(info.path));
      p.identity = await driver.identify(AbortSignal.timeout(5_000)).catch(async (error: unknown) => {
        await driver.close();
        throw error;
      });
      p.driver = driver;
      p.message = null;
      await describe(p);
    } catch (error) {
      p.message = error instanceof Error ? `This programmer could not be opened: ${error.message}` : 'This programmer could not be opened.';
    }
    if (connected.get(info.path) !== p) await p.driver?.close();
    opening.delete(info.path);
    deps.onChange();
  };

  const detach = (info: HidDeviceInfo): void => {
    const p = connected.get(info.path);
    if (!p) return;
    connected.delete(info.path);
    busOf.delete(info.path);
    p.job?.abort.abort(new DoorFailure('disconnected', 'The programmer was unplugged.'));
    void p.driver?.close();
    deps.onChange();
  };

  for (const bus of deps.buses)
    watchHidBus(bus, {
      intervalMs: deps.hotplugIntervalMs ?? 1_000,
      onAttach: (info) => void attach(bus, info),
      onDetach: detach,
      signal: stop.signal,
    });

  const poll = setInterval(() => {
    for (const p of connected.values()) {
      const bus = busOf.get(p.info.path);
      if (p.driver) void describe(p);
      else if (bus && !opening.has(p.info.path) && !stop.signal.aborted) void attach(bus, p.info);
    }
  }, deps.doorPollMs ?? 2_000);
  poll.unref();

  return {
    list: () => [...connected.values()],
    get(id) {
      const p = connected.get(id);
      if (!p) throw new DoorFailure('disconnected', 'That programmer is no longer connected.');
      return p;
    },
    async refresh(id, duringJob = false) {
      const p = connected.get(id);
      if (p) await describe(p, duringJob);
    },
    async close() {
      stop.abort();
      clearInterval(poll);
      // A job cut short by the close ends interrupted, so Resume finishes it at the next start.
      for (const p of connected.values()) p.job?.abort.abort(new DoorFailure('aborted', 'The console closed during the job.'));
      await Promise.all([...connected.values()].map((p) => p.driver?.close()));
      connected.clear();
    },
  };
}

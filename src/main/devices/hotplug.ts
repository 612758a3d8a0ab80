import type { HidBus, HidDeviceInfo } from './link';

export interface HidBusWatchOptions {
  /** Pause between the end of one listing and the start of the next. */
  intervalMs?: number;
  /** A programmer appeared, including those already plugged in when watching starts. */
  onAttach: (info: HidDeviceInfo) => void;
  /** A programmer went away; `info` is what it was listed as. */
  onDetach: (info: HidDeviceInfo) => void;
  /** A listing failed; watching goes on and the next listing tries again. */
  onError?: (error: unknown) => void;
  /** Stops watching. */
  signal: AbortSignal;
}

export interface HidBusWatch {
  /** The programmers seen in the last successful listing. */
  devices(): HidDeviceInfo[];
  /** Resolves once watching has stopped and no listing is running. */
  stopped: Promise<void>;
}

/**
 * Notices key-programmers plugged in and pulled out by listing the bus over and over and
 * comparing paths (a replugged device gets a new path, so it is a detach and an attach).
 * node-hid has no hot-plug events, but devicesAsync enumerates in libuv's thread pool, so a
 * listing every second costs the main thread nothing; with the default interval a change is
 * noticed within about a second plus one listing. The next listing is only scheduled after
 * the last one settled, so two never overlap even when enumeration is slow, and a listing
 * that throws is reported and skipped: the devices seen before stay as they were.
 */
export function watchHidBus(bus: HidBus, options: HidBusWatchOptions): HidBusWatch {
  const { intervalMs = 1000, onAttach, onDetach, onError, signal } = options;
  let known = new Map<string, HidDeviceInfo>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let finish!: () => void;
  const stopped = new Promise<void>((resolve) => (finish = resolve));

  // A listener that throws must not stop the watching nor hide the other changes.
  const tell = (listener: (info: HidDeviceInfo) => void, info: HidDeviceInfo) => {
    try {
      listener(info);
    } catch (error) {
      onError?.(error);
    }
  };

  const compare = (listed: HidDeviceInfo[]) => {
    const next = new Map(listed.map((info) => [info.path, info]));
    for (const [path, info] of known) if (!next.has(path)) tell(onDetach, info);
    for (const [path, info] of next) if (!known.has(path)) tell(onAttach, info);
    known = next;
  };

  const poll = async () => {
    timer = undefined;
    try {
      const listed = await bus.list();
      if (!signal.aborted) compare(listed);
    } catch (error) {
      if (!signal.aborted) onError?.(error);
    }
    if (signal.aborted) finish();
    else timer = setTimeout(() => void poll(), intervalMs);
  };

  signal.addEventListener(
    'abort',
    () => {
      // A listing in flight finishes by itself; only a scheduled one needs cancelling.
      if (timer === undefined) return;
      clearTimeout(timer);
      finish();
    },
    { once: true },
  );
  if (signal.aborted) finish();
  else void poll();

  return { devices: () => [...known.values()], stopped };
}

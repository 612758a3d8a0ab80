/** A USB device the console can open: a Bluetooth dongle, a Z-Wave stick. */
export interface WatchedDevice {
  label: string;
  simulated: boolean;
}

/** What is open on a device: a BLE central, a Z-Wave network. */
export interface DeviceHandle {
  close(): Promise<void>;
}

/** Where the device in use stands; each kind of device words it for its page. */
export type DeviceStatus<D> =
  | { kind: 'none' }
  | { kind: 'opening'; device: D }
  | { kind: 'open'; device: D }
  | { kind: 'failed'; device: D; error: string }
  | { kind: 'unplugged' }
  /** The open device said it went away (its handle is closed); `device` is null when none was in use. */
  | { kind: 'gone'; device: D | null; why: string };

export interface DeviceWatchDeps<D extends WatchedDevice, H extends DeviceHandle> {
  /** Devices plugged in now: real ones, and the simulated one when the hardware is simulated. */
  list(): Promise<D[]>;
  open(device: D): Promise<H>;
  /** What names a device across listings (its port path, its id). */
  keyOf(device: D): string;
  /** A handle is open (work through it) or the open one is gone (null). */
  opened(handle: H | null): void;
  changed(): void;
  logError(error: unknown): void;
  /**
   * A device that failed to open is tried again at every listing, or only when the list changes
   * (it was replugged, or another came).
   */
  retryFailed: 'every_listing' | 'when_list_changes';
  /** Lets an open handle say its device went away (calls `gone` at most usefully once). */
  watchGone?(handle: H, gone: (why: string) => void): void;
  intervalMs?: number;
}

/**
 * The device in use, of one kind. Devices are listed every few seconds (USB and serial ports
 * have no hot-plug event the console can rely on everywhere); the one staff chose is used, else
 * the first real one, else the simulated one. A device that goes away leaves the console waiting
 * for the next; work on it ends (its owner hears `opened(null)`).
 */
export function watchDevices<D extends WatchedDevice, H extends DeviceHandle>(deps: DeviceWatchDeps<D, H>) {
  let found: D[] = [];
  let inUse: { device: D; handle: H | null } | null = null;
  let chosen: string | null = null;
  let status: DeviceStatus<D> = { kind: 'none' };
  let closed = false;
  let timer: NodeJS.Timeout | null = null;

  const set = (next: DeviceStatus<D>): void => {
    status = next;
    deps.changed();
  };

  /** Closes the device in use, if any; its owner hears only of a handle that was open. */
  const drop = async (): Promise<D | null> => {
    const was = inUse;
    inUse = null;
    if (was?.handle) deps.opened(null);
    await was?.handle?.close().catch(() => undefined);
    return was?.device ?? null;
  };

  // Closing waits for a device being opened: its stack must be shut before the port goes.
  let opening: Promise<void> = Promise.resolve();
  const use = (device: D): Promise<void> => (opening = open(device));

  const open = async (device: D): Promise<void> => {
    await drop();
    if (closed) return;
    const mine: { device: D; handle: H | null } = { device, handle: null };
    inUse = mine;
    set({ kind: 'opening', device });
    try {
      const handle = await deps.open(device);
      if (inUse !== mine || closed) {
        await handle.close();
        return;
      }
      mine.handle = handle;
      deps.watchGone?.(handle, (why) => {
        if (inUse === mine) void lost(why);
      });
      deps.opened(handle);
      set({ kind: 'open', device });
    } catch (error) {
      if (inUse !== mine) return;
      inUse = null;
      set({ kind: 'failed', device, error: error instanceof Error ? error.message : String(error) });
    }
  };

  const lost = async (why: string): Promise<void> => {
    const device = await drop();
    set({ kind: 'gone', device, why });
  };

  const list = async (): Promise<void> => {
    try {
      const now = await deps.list();
      // Closed while listing: opening now would reach for a port already gone.
      if (closed) return;
      const before = JSON.stringify(found);
      found = now;
      const listChanged = JSON.stringify(found) !== before;
      if (listChanged) deps.changed();
      if (inUse && !found.some((d) => deps.keyOf(d) === deps.keyOf(inUse!.device)) && status.kind !== 'opening') {
        await drop();
        set({ kind: 'unplugged' });
      }
      const retry = status.kind !== 'failed' || deps.retryFailed === 'every_listing' || listChanged;
      if (!inUse && retry) {
        const next = found.find((d) => deps.keyOf(d) === chosen) ?? found.find((d) => !d.simulated) ?? found[0];
        if (next) await use(next);
      }
    } catch (error) {
      deps.logError(error);
    }
  };

  const loop = async (): Promise<void> => {
    await list();
    if (!closed) timer = setTimeout(() => void loop(), deps.intervalMs ?? 3_000);
    timer?.unref();
  };
  void loop();

  return {
    /** The devices plugged in at the last listing. */
    found: (): D[] => found,
    inUse: (): D | null => inUse?.device ?? null,
    status: (): DeviceStatus<D> => status,
    /** Staff picked a device from the list; false when it is not listed. */
    async choose(key: string): Promise<boolean> {
      const device = found.find((d) => deps.keyOf(d) === key);
      if (!device) return false;
      chosen = key;
      await use(device);
      return true;
    },
    /** The device in use said it went away: closed, and looked for again at the next listing. */
    lost,
    async close(): Promise<void> {
      closed = true;
      if (timer) clearTimeout(timer);
      await opening;
      await drop();
    },
  };
}

export type DeviceWatch<D extends WatchedDevice, H extends DeviceHandle> = ReturnType<typeof watchDevices<D, H>>;

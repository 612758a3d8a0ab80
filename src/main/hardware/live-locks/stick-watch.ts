import type { LiveLockLinks, LiveLockNetwork, LiveStickInfo } from '../../devices/live/live-lock-network';

export interface StickDeps extends LiveLockLinks {
  /** A network is open (work through it) or gone (null). */
  opened(network: LiveLockNetwork | null): void;
  changed(): void;
  logError(error: unknown): void;
  hotplugIntervalMs?: number;
}

export type StickState = 'no_stick' | 'opening' | 'ready' | 'lost';

/**
 * The stick in use. Sticks are listed every few seconds, like the Bluetooth dongles (serial
 * ports have no hot-plug event to rely on everywhere); the one staff chose is used, else the
 * first real one, else the simulated one. A stick that could not be opened, or whose network
 * was lost (unplugged), is tried again at the next listing where it shows.
 */
export function watchSticks(deps: StickDeps) {
  let found: LiveStickInfo[] = [];
  let inUse: { stick: LiveStickInfo; network: LiveLockNetwork | null } | null = null;
  let chosen: string | null = null;
  let state: StickState = 'no_stick';
  let message: string | null = null;
  let closed = false;
  let timer: NodeJS.Timeout | null = null;

  const set = (next: StickState, why: string | null): void => {
    state = next;
    message = why;
    deps.changed();
  };

  const drop = async (): Promise<void> => {
    const was = inUse;
    inUse = null;
    if (was?.network) deps.opened(null);
    await was?.network?.close().catch(() => undefined);
  };

  let opening: Promise<void> = Promise.resolve();
  const use = (stick: LiveStickInfo): Promise<void> => (opening = open(stick));

  const open = async (stick: LiveStickInfo): Promise<void> => {
    await drop();
    if (closed) return;
    const mine = { stick, network: null as LiveLockNetwork | null };
    inUse = mine;
    set('opening', `Opening ${stick.label}…`);
    try {
      const network = await deps.openNetwork(stick);
      if (inUse !== mine || closed) {
        await network.close();
        return;
      }
      mine.network = network;
      deps.opened(network);
      set('ready', null);
    } catch (error) {
      if (inUse !== mine) return;
      inUse = null;
      set('no_stick', `${stick.label} could not be opened: ${error instanceof Error ? error.message : String(error)}. It is tried again in a few seconds.`);
    }
  };

  const list = async (): Promise<void> => {
    try {
      const now = await deps.listSticks();
      if (closed) return;
      const before = JSON.stringify(found);
      found = now;
      if (JSON.stringify(found) !== before) deps.changed();
      if (inUse && !found.some((s) => s.path === inUse!.stick.path) && state !== 'opening') {
        await drop();
        set('no_stick', 'The Z-Wave stick was unplugged.');
      }
      if (!inUse) {
        const next = found.find((s) => s.path === chosen) ?? found.find((s) => !s.simulated) ?? found[0];
        if (next) await use(next);
      }
    } catch (error) {
      deps.logError(error);
    }
  };

  const loop = async (): Promise<void> => {
    await list();
    if (!closed) timer = setTimeout(() => void loop(), deps.hotplugIntervalMs ?? 3_000);
    timer?.unref();
  };
  void loop();

  return {
    view: () => ({ sticks: found, stick: inUse?.stick ?? null, state, message }),
    /** Staff picked a stick by its path; false when it is not listed. */
    async choose(path: string): Promise<boolean> {
      const stick = found.find((s) => s.path === path);
      if (!stick) return false;
      chosen = path;
      await use(stick);
      return true;
    },
    /** The network reported its stick gone: closed, and looked for again at the next listing. */
    async lost(why: string): Promise<void> {
      await drop();
      set('lost', `${why} Porter looks for the stick again every few seconds.`);
    },
    async close(): Promise<void> {
      closed = true;
      if (timer) clearTimeout(timer);
      await opening;
      await drop();
    },
  };
}

export type StickWatch = ReturnType<typeof watchSticks>;

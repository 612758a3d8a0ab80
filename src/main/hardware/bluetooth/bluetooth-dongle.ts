import type { BleCentral, BleDongleInfo } from '../../devices/ble/gatt';

export interface DongleDeps {
  /** Dongles plugged in now: real ones, and the simulated one when the hardware is simulated. */
  listDongles(): Promise<BleDongleInfo[]>;
  openCentral(dongle: BleDongleInfo): Promise<BleCentral>;
  /** A central is open (scan from it) or gone (null). */
  opened(central: BleCentral | null): void;
  changed(): void;
  logError(error: unknown): void;
  hotplugIntervalMs?: number;
}

export type DongleState = 'no_dongle' | 'starting' | 'scanning' | 'error';

/**
 * The BLE dongle in use. Dongles are listed every few seconds (USB and serial ports have no
 * hot-plug event the console can rely on everywhere); the first one found is used until the
 * technician picks another, a real one before the simulated one. A dongle that goes away
 * leaves the console waiting for the next; jobs on it end interrupted (their owner hears
 * `opened(null)`).
 */
export function watchDongles(deps: DongleDeps) {
  let found: BleDongleInfo[] = [];
  let inUse: { dongle: BleDongleInfo; central: BleCentral | null } | null = null;
  let chosen: string | null = null;
  let state: DongleState = 'no_dongle';
  let message: string | null = null;
  let closed = false;
  let timer: NodeJS.Timeout | null = null;

  const set = (next: DongleState, why: string | null): void => {
    state = next;
    message = why;
    deps.changed();
  };

  const drop = async (): Promise<void> => {
    const was = inUse;
    inUse = null;
    deps.opened(null);
    await was?.central?.close().catch(() => undefined);
  };

  // Closing waits for a dongle being opened: its stack must be shut before the port goes.
  let opening: Promise<void> = Promise.resolve();
  const use = (dongle: BleDongleInfo): Promise<void> => (opening = open(dongle));

  const open = async (dongle: BleDongleInfo): Promise<void> => {
    await drop();
    if (closed) return;
    const mine = { dongle, central: null as BleCentral | null };
    inUse = mine;
    set('starting', `Starting ${dongle.label}…`);
    try {
      const central = await deps.openCentral(dongle);
      if (inUse !== mine || closed) {
        await central.close();
        return;
      }
      mine.central = central;
      central.onGone(() => {
        if (inUse !== mine) return;
        void drop().then(() => set('no_dongle', `${dongle.label} went away. Plug it in again, or choose another dongle.`));
      });
      deps.opened(central);
      set('scanning', null);
    } catch (error) {
      if (inUse !== mine) return;
      inUse = null;
      set('error', `${dongle.label} could not be started: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  const list = async (): Promise<void> => {
    try {
      const now = await deps.listDongles();
      // Closed while listing: opening now would reach for a port already gone (its stack fails
      // outside any promise we hold).
      if (closed) return;
      const before = JSON.stringify(found);
      found = now;
      const listChanged = JSON.stringify(found) !== before;
      if (listChanged) deps.changed();
      if (inUse && !found.some((d) => d.id === inUse!.dongle.id) && state !== 'starting') {
        await drop();
        set('no_dongle', 'The dongle was unplugged.');
      }
      // A dongle that failed to start is tried again only when the list changes (replugged).
      if (!inUse && (state !== 'error' || listChanged)) {
        const next = found.find((d) => d.id === chosen) ?? found.find((d) => !d.simulated) ?? found[0];
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
    view() {
      return { dongles: found, dongle: inUse?.dongle ?? null, state, message };
    },
    /** The technician picked a dongle from the list. */
    async choose(id: string): Promise<boolean> {
      const dongle = found.find((d) => d.id === id);
      if (!dongle) return false;
      chosen = id;
      await use(dongle);
      return true;
    },
    async close(): Promise<void> {
      closed = true;
      if (timer) clearTimeout(timer);
      await opening;
      await drop();
    },
  };
}

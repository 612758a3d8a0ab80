import type { LiveLockLinks, LiveLockNetwork, LiveStickInfo } from '../../devices/live/live-lock-network';
import { watchDevices, type DeviceStatus } from '../device-watch';

export interface StickDeps extends LiveLockLinks {
  /** A network is open (work through it) or gone (null). */
  opened(network: LiveLockNetwork | null): void;
  changed(): void;
  logError(error: unknown): void;
  hotplugIntervalMs?: number;
}

export type StickState = 'no_stick' | 'opening' | 'ready' | 'lost';

/** The Z-Wave section's words for where the stick in use stands. */
function stickState(status: DeviceStatus<LiveStickInfo>): { state: StickState; message: string | null } {
  switch (status.kind) {
    case 'none':
      return { state: 'no_stick', message: null };
    case 'opening':
      return { state: 'opening', message: `Opening ${status.device.label}…` };
    case 'open':
      return { state: 'ready', message: null };
    case 'failed':
      return { state: 'no_stick', message: `${status.device.label} could not be opened: ${status.error}. It is tried again in a few seconds.` };
    case 'unplugged':
      return { state: 'no_stick', message: 'The Z-Wave stick was unplugged.' };
    case 'gone':
      return { state: 'lost', message: `${status.why} Porter looks for the stick again every few seconds.` };
  }
}

/**
 * The stick in use, watched like the Bluetooth dongles (serial ports have no hot-plug event to
 * rely on everywhere). A stick that could not be opened, or whose network was lost (unplugged),
 * is tried again at the next listing where it shows.
 */
export function watchSticks(deps: StickDeps) {
  const sticks = watchDevices<LiveStickInfo, LiveLockNetwork>({
    list: () => deps.listSticks(),
    open: (stick) => deps.openNetwork(stick),
    keyOf: (stick) => stick.path,
    opened: deps.opened,
    changed: deps.changed,
    logError: deps.logError,
    retryFailed: 'every_listing',
    intervalMs: deps.hotplugIntervalMs,
  });
  return {
    view: () => ({ sticks: sticks.found(), stick: sticks.inUse(), ...stickState(sticks.status()) }),
    /** Staff picked a stick by its path; false when it is not listed. */
    choose: sticks.choose,
    /** The network reported its stick gone: closed, and looked for again at the next listing. */
    lost: sticks.lost,
    close: sticks.close,
  };
}

export type StickWatch = ReturnType<typeof watchSticks>;

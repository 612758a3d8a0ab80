import type { BleCentral, BleDongleInfo } from '../../devices/ble/gatt';
import { watchDevices, type DeviceStatus } from '../device-watch';

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

/** The Bluetooth page's words for where the dongle in use stands. */
function dongleState(status: DeviceStatus<BleDongleInfo>): { state: DongleState; message: string | null } {
  switch (status.kind) {
    case 'none':
      return { state: 'no_dongle', message: null };
    case 'opening':
      return { state: 'starting', message: `Starting ${status.device.label}…` };
    case 'open':
      return { state: 'scanning', message: null };
    case 'failed':
      return { state: 'error', message: `${status.device.label} could not be started: ${status.error}` };
    case 'unplugged':
      return { state: 'no_dongle', message: 'The dongle was unplugged.' };
    case 'gone':
      return { state: 'no_dongle', message: `${status.device?.label ?? 'The dongle'} went away. Plug it in again, or choose another dongle.` };
  }
}

/**
 * The BLE dongle in use. The first one found is used until the technician picks another, a real
 * one before the simulated one. A dongle that goes away leaves the console waiting for the next;
 * jobs on it end interrupted (their owner hears `opened(null)`). One that failed to start is
 * tried again only when the list changes (replugged).
 */
export function watchDongles(deps: DongleDeps) {
  const dongles = watchDevices<BleDongleInfo, BleCentral>({
    list: () => deps.listDongles(),
    open: (dongle) => deps.openCentral(dongle),
    keyOf: (dongle) => dongle.id,
    opened: deps.opened,
    changed: deps.changed,
    logError: deps.logError,
    retryFailed: 'when_list_changes',
    watchGone: (central, gone) => central.onGone(() => gone('went away')),
    intervalMs: deps.hotplugIntervalMs,
  });
  return {
    view: () => ({ dongles: dongles.found(), dongle: dongles.inUse(), ...dongleState(dongles.status()) }),
    /** The technician picked a dongle from the list. */
    choose: dongles.choose,
    close: dongles.close,
  };
}

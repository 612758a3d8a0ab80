import type { BluetoothDongle, BluetoothLock, BluetoothOverview, BluetoothRound } from '../../../../shared/domain';
import { assertNever } from '../../../../shared/errors';
import { count } from './hardware-labels';

/** The words of the Hardware page's Bluetooth section: the dongle, the locks heard, the round. */

/** Under this a Bluetooth lock flags its battery low and refuses changes (its advertisement says so). */
export const bluetoothLowBatteryPercent = 15;

export type SignalLevel = 'strong' | 'fair' | 'weak';

/** About -50 dBm next to the door, -90 at the edge of range. */
export function signalLevel(rssi: number): SignalLevel {
  return rssi >= -65 ? 'strong' : rssi >= -78 ? 'fair' : 'weak';
}

export const signalWord: Record<SignalLevel, string> = { strong: 'Strong', fair: 'Fair', weak: 'Weak' };

/** "−58 dBm", with a true minus sign. */
export function dbm(rssi: number): string {
  return `${rssi < 0 ? '−' : ''}${Math.abs(rssi)} dBm`;
}

/**
 * "just now", "7 s ago", "2 min ago", from the lock's last advertisement and the clock. The list
 * is refreshed every few seconds, so under 5 s is "just now": older means the lock went quiet.
 */
export function heardText(lastHeardAt: string, nowMs: number): string {
  const seconds = Math.max(0, Math.floor((nowMs - Date.parse(lastHeardAt)) / 1000));
  if (Number.isNaN(seconds) || seconds < 5) return 'just now';
  if (seconds < 60) return `${seconds} s ago`;
  const minutes = Math.floor(seconds / 60);
  return minutes < 60 ? `${minutes} min ago` : `${Math.floor(minutes / 60)} h ago`;
}

export function transportLabel(transport: BluetoothDongle['transport']): string {
  switch (transport) {
    case 'usb':
      return 'USB';
    case 'uart':
      return 'Serial port';
    default:
      return assertNever(transport, 'dongle transport');
  }
}

/** The dongle picker's line for a dongle: its label, how it is connected, and whether it is simulated. */
export function dongleOptionLabel(d: BluetoothDongle): string {
  return `${d.label} · ${transportLabel(d.transport)}${d.simulated ? ' (simulated)' : ''}`;
}

export function scanStateLabel(state: BluetoothOverview['state']): string {
  switch (state) {
    case 'no_dongle':
      return 'No dongle';
    case 'starting':
      return 'Starting';
    case 'scanning':
      return 'Scanning';
    case 'error':
      return 'Not ready';
    default:
      return assertNever(state, 'Bluetooth state');
  }
}

export function scanStateTone(state: BluetoothOverview['state']): 'neutral' | 'good' | 'bad' | 'accent' {
  return state === 'scanning' ? 'good' : state === 'error' ? 'bad' : state === 'starting' ? 'accent' : 'neutral';
}

export const noDongleText = 'Plug a Bluetooth dongle (an HCI controller on USB, or a serial HCI dongle) into this computer.';

/** "lock KB5-004217"; a lock the console does not know yet has no serial to go by. */
export function lockName(lock: Pick<BluetoothLock, 'serial'>): string {
  return lock.serial ? `lock ${lock.serial}` : 'a lock new to this console';
}

/** A door a round would take: assigned, commissioned, and lacking changes. */
export function inRound(lock: BluetoothLock): boolean {
  return lock.commissioned && lock.door !== null && lock.pending;
}

type RoundDoorStatus = BluetoothRound['doors'][number]['status'];

export function roundStatusLabel(status: RoundDoorStatus): string {
  switch (status) {
    case 'waiting':
      return 'Waiting';
    case 'running':
      return 'Running';
    case 'succeeded':
      return 'Programmed';
    case 'failed':
      return 'Failed';
    case 'interrupted':
      return 'Interrupted';
    case 'skipped':
      return 'Skipped';
    default:
      return assertNever(status, 'round door status');
  }
}

/** "6 programmed, 1 failed: North Tower 104", and what a stopped round left. */
export function roundSummary(round: BluetoothRound): string {
  const by = (status: RoundDoorStatus) => round.doors.filter((d) => d.status === status);
  const names = (status: RoundDoorStatus) =>
    by(status)
      .map((d) => d.door.name)
      .join(', ');
  const parts = [`${by('succeeded').length.toLocaleString()} programmed`];
  for (const status of ['failed', 'interrupted'] as const) {
    const n = by(status).length;
    if (n > 0) parts.push(`${n.toLocaleString()} ${status}: ${names(status)}`);
  }
  const skipped = by('skipped').length;
  if (skipped > 0) parts.push(`${skipped.toLocaleString()} skipped`);
  const left = by('waiting').length + by('running').length;
  const text = parts.join(', ');
  if (round.status === 'stopped') return `Stopped: ${text}${left > 0 ? `; ${count(left, 'door')} not reached` : ''}.`;
  return `${text}.`;
}

/** Doors of the round done so far (whatever their outcome). */
export function roundDone(round: BluetoothRound): number {
  return round.doors.filter((d) => d.status !== 'waiting' && d.status !== 'running').length;
}

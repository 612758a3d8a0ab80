import type { AttachedDoor, DoorJob, JobKind, JobStep, Programmer, ReaderConfig, SimulatedFault } from '../../../../shared/domain';
import { assertNever } from '../../../../shared/errors';

/** The words the Hardware page uses for programmers, doors and jobs: one place, so every card says the same. */

/** The programmer's card is a region named this, so staff (and tests) find it by name. */
export function programmerTitle(p: Programmer, withSerial = false): string {
  const name = withSerial && p.serial ? `${p.name} ${p.serial}` : p.name;
  return `Key-programmer ${name}${p.simulated ? ' (simulated)' : ''}`;
}

export function jobKindLabel(kind: JobKind): string {
  switch (kind) {
    case 'program':
      return 'Programming';
    case 'read_audit':
      return 'Reading the audit trail';
    case 'set_clock':
      return 'Setting the clock';
    case 'configure_reader':
      return 'Configuring the reader';
    default:
      return assertNever(kind, 'job kind');
  }
}

/** The progress bar's accessible name. */
export function jobProgressLabel(kind: JobKind): string {
  switch (kind) {
    case 'program':
      return 'Programming progress';
    case 'read_audit':
      return 'Audit trail reading progress';
    case 'set_clock':
      return 'Clock setting progress';
    case 'configure_reader':
      return 'Reader configuration progress';
    default:
      return assertNever(kind, 'job kind');
  }
}

export function jobStatusLabel(status: DoorJob['status']): string {
  switch (status) {
    case 'running':
      return 'Running';
    case 'succeeded':
      return 'Done';
    case 'failed':
      return 'Failed';
    case 'interrupted':
      return 'Interrupted';
    default:
      return assertNever(status, 'job status');
  }
}

export function jobStatusTone(status: DoorJob['status']): 'accent' | 'good' | 'bad' | 'warn' {
  return status === 'running' ? 'accent' : status === 'succeeded' ? 'good' : status === 'failed' ? 'bad' : 'warn';
}

/** What a finished job achieved, in a sentence. */
export function jobResult(job: DoorJob): string {
  const door = job.door.name;
  switch (job.kind) {
    case 'program':
      return `${door} holds what Porter wants on it.`;
    case 'read_audit':
      return `${door}’s audit trail is in Porter’s activity log.`;
    case 'set_clock':
      return `${door}’s clock and time-zone rules match the community’s.`;
    case 'configure_reader':
      return `${door} runs the new reader configuration.`;
    default:
      return assertNever(job.kind, 'job kind');
  }
}

export function stepStatusLabel(status: JobStep['status']): string {
  switch (status) {
    case 'waiting':
      return 'Waiting';
    case 'running':
      return 'In progress';
    case 'done':
      return 'Done';
    case 'failed':
      return 'Failed';
    case 'skipped':
      return 'Skipped';
    default:
      return assertNever(status, 'step status');
  }
}

/** Desired vs reported, as the next programming would do it. */
export function changesText(changes: NonNullable<AttachedDoor['changes']>): { text: string; inSync: boolean } {
  if (changes.fullRewrite) return { text: `Whole table to write (${count(changes.desired, 'credential')})`, inSync: false };
  if (changes.toWrite === 0 && changes.toRemove === 0) return { text: 'In sync', inSync: true };
  return { text: `${changes.toWrite} to write, ${changes.toRemove} to remove`, inSync: false };
}

/** Below this the door's battery is worth replacing on this visit. */
export const lowBatteryPercent = 20;
/** Beyond this (either way) the door's clock wants setting. */
export const driftLimitSeconds = 120;

/** "On time", "45 s ahead", "3 min 5 s behind". */
export function driftText(seconds: number): string {
  if (seconds === 0) return 'On time';
  const abs = Math.abs(seconds);
  const minutes = Math.floor(abs / 60);
  const rest = abs % 60;
  const amount =
    abs >= 86_400
      ? `${Math.round(abs / 3600).toLocaleString()} h`
      : minutes === 0
        ? `${rest} s`
        : rest === 0
          ? `${minutes} min`
          : `${minutes} min ${rest} s`;
  return `${amount} ${seconds > 0 ? 'ahead' : 'behind'}`;
}

export function count(n: number, noun: string): string {
  return `${n.toLocaleString()} ${noun}${n === 1 ? '' : 's'}`;
}

/** The simulator's faults, with what each does, said for the trainer who injects it. */
export const faultOptions: readonly { id: SimulatedFault; label: string; effect: string }[] = [
  { id: 'drop_report', label: 'Dropped report', effect: 'the programmer’s next answer loses a USB report.' },
  { id: 'corrupt_crc', label: 'Corrupted CRC', effect: 'the programmer’s next answer arrives with a bad checksum.' },
  { id: 'wrong_sequence', label: 'Wrong sequence number', effect: 'the programmer’s next answer arrives out of sequence.' },
  { id: 'stall', label: 'Stall past the timeout', effect: 'the programmer’s next answer never comes.' },
  { id: 'unplug_mid_commit', label: 'Unplug during commit', effect: 'the programmer is pulled out at the next commit (program a door with changes).' },
  { id: 'lock_full', label: 'Lock full', effect: 'the door takes no new credential from now on.' },
  { id: 'low_battery', label: 'Low battery', effect: 'the door’s battery reads low and it refuses changes from now on.' },
  { id: 'clock_far_off', label: 'Clock far off', effect: 'the door’s clock runs hours off until Set clock.' },
  { id: 'audit_gap', label: 'Gap in the audit trail', effect: 'the door’s audit trail skips records; Read audit trail shows the gap.' },
];

export const cardFormatOptions: readonly { id: ReaderConfig['cardFormats'][number]; label: string }[] = [
  { id: 'wiegand_26', label: 'Wiegand 26-bit' },
  { id: 'wiegand_34', label: 'Wiegand 34-bit' },
  { id: 'wiegand_37', label: 'Wiegand 37-bit' },
  { id: 'osdp_secure', label: 'OSDP secure channel' },
];

export const ledOptions: readonly { id: ReaderConfig['led']; label: string }[] = [
  { id: 'off', label: 'Off' },
  { id: 'on_idle', label: 'On while idle' },
  { id: 'on_grant_only', label: 'Only when access is granted' },
];

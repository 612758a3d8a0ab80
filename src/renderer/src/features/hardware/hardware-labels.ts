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

/** A job's kind in a table cell, where the door is named beside it. */
export function jobKindShort(kind: JobKind): string {
  switch (kind) {
    case 'program':
      return 'Program';
    case 'read_audit':
      return 'Audit';
    case 'set_clock':
      return 'Clock';
    case 'configure_reader':
      return 'Reader';
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

const nextProgramming = 'It waits for the next programming that has changes to write.';

/**
 * The simulator's faults, said for the trainer who injects them: what each does (`effect`),
 * what the panel says once it is injected (`armed`), the job that sets it off (`strikes`; null
 * for a door fault that lasts), and whether it is the door's. A wire fault strikes the answer
 * to the next STAGE_PUT, i.e. the next programming with changes to write (not a door already
 * in sync, not reading the audit trail or setting the clock); the driver sends that command
 * again once, so the programming still succeeds.
 */
export const faultOptions: readonly {
  id: SimulatedFault;
  label: string;
  effect: string;
  armed: string;
  strikes: JobKind | null;
  /** The fault is the door's (it leaves the cable with it), not the programmer's. */
  onDoor: boolean;
}[] = [
  {
    id: 'drop_report',
    label: 'Dropped report',
    effect:
      'The next programming that has changes to write loses part of the programmer’s answer. Porter waits out the 3-second timeout, sends the changes again, and the programming succeeds.',
    armed: nextProgramming,
    strikes: 'program',
    onDoor: false,
  },
  {
    id: 'corrupt_crc',
    label: 'Corrupted CRC',
    effect:
      'During the next programming that has changes to write, the programmer’s answer arrives with a bad checksum. Porter sends the changes again at once, and the programming succeeds.',
    armed: nextProgramming,
    strikes: 'program',
    onDoor: false,
  },
  {
    id: 'wrong_sequence',
    label: 'Wrong sequence number',
    effect:
      'During the next programming that has changes to write, the programmer’s answer arrives out of sequence. Porter sends the changes again at once, and the programming succeeds.',
    armed: nextProgramming,
    strikes: 'program',
    onDoor: false,
  },
  {
    id: 'stall',
    label: 'Stall past the timeout',
    effect:
      'During the next programming that has changes to write, the programmer stops answering. After the 3-second timeout Porter sends the changes again, and the programming succeeds.',
    armed: nextProgramming,
    strikes: 'program',
    onDoor: false,
  },
  {
    id: 'unplug_mid_commit',
    label: 'Unplug during commit',
    effect:
      'The programmer is pulled out during the commit of the next programming that has changes to write. The job is left unfinished until the programmer is back, the door on its cable, and Resume is pressed.',
    armed: nextProgramming,
    strikes: 'program',
    onDoor: false,
  },
  {
    id: 'lock_full',
    label: 'Lock full',
    effect: 'The door on the cable has no free slot from now on: a programming that adds a credential fails.',
    armed: 'The door takes no new credential from now on.',
    strikes: null,
    onDoor: true,
  },
  {
    id: 'low_battery',
    label: 'Low battery',
    effect: 'The battery of the door on the cable reads low, and the door refuses changes from now on.',
    armed: 'The door refuses changes from now on.',
    strikes: null,
    onDoor: true,
  },
  {
    id: 'clock_far_off',
    label: 'Clock far off',
    effect: 'The clock of the door on the cable runs hours off until Set clock.',
    armed: 'The door’s clock is off until Set clock.',
    strikes: 'set_clock',
    onDoor: true,
  },
  {
    id: 'audit_gap',
    label: 'Gap in the audit trail',
    effect: 'The audit trail of the door on the cable skips records; Read audit trail shows the gap.',
    armed: 'It shows at the next Read audit trail.',
    strikes: 'read_audit',
    onDoor: true,
  },
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

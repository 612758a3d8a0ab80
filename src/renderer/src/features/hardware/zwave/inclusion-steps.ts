import type { InclusionView, LiveLockView } from '../../../../../shared/domain';
import { assertNever } from '../../../../../shared/errors';
import { liveLockName } from './live-lock-words';

/** Which button opened the dialog: "Add a lock…" or "Remove a lock…". */
export type InclusionMode = 'include' | 'exclude';

export interface InclusionStep {
  /** 'waiting': for the lock's button; 'pin': the DSK prompt; 'working': keys and interview; then how it ended. */
  kind: 'waiting' | 'pin' | 'working' | 'done' | 'failed';
  text: string;
  /** The progress bar's label while the network works or waits; null when nothing moves. */
  progress: string | null;
  /** Whether the dialog's Stop cancels what the network waits for (closing does too). */
  stoppable: boolean;
}

/**
 * What the add or remove dialog shows for the network's inclusion state. 'idle' right after the
 * button (the answer not back yet) reads as waiting; the lock added or removed is named when the
 * section lists it.
 */
export function inclusionStep(mode: InclusionMode, inclusion: InclusionView, lock: LiveLockView | null): InclusionStep {
  const added = lock ? liveLockName(lock) : inclusion.nodeId !== null ? `Node ${inclusion.nodeId}` : 'The lock';
  switch (inclusion.state) {
    case 'idle':
    case 'waiting_for_lock':
    case 'waiting_for_exclusion':
      return mode === 'include'
        ? {
            kind: 'waiting',
            text: 'Put the lock in pairing mode now: on most deadbolts, enter the programming code at the keypad and choose “Add to network” (the lock’s manual says how). Keep it within a few metres of this computer.',
            progress: 'Waiting for the lock',
            stoppable: true,
          }
        : {
            kind: 'waiting',
            text: 'Put the lock in removal mode now: on most deadbolts, enter the programming code at the keypad and choose “Remove from network”. Any lock may be removed this way, even one another controller added.',
            progress: 'Waiting for the lock',
            stoppable: true,
          };
    case 'waiting_for_pin':
      return {
        kind: 'pin',
        text: 'The lock asks to join with S2 security. Type the five digits underlined at the start of the DSK printed on the lock’s label (or its box), and check the rest matches.',
        progress: null,
        stoppable: true,
      };
    case 'adding':
      return {
        kind: 'working',
        text: 'The lock and the stick are exchanging keys, then Porter reads what the lock can do. A battery lock may take a minute: leave it awake and close by.',
        progress: 'Adding the lock',
        stoppable: false,
      };
    case 'done':
      return mode === 'include'
        ? { kind: 'done', text: `${added} was added. Assign it to its door: its codes follow at once.`, progress: null, stoppable: false }
        : { kind: 'done', text: `${added} was removed from the network. It keeps no code Porter gave it.`, progress: null, stoppable: false };
    case 'failed':
      return {
        kind: 'failed',
        text: inclusion.message ?? (mode === 'include' ? 'The lock was not added.' : 'The lock was not removed.'),
        progress: null,
        stoppable: false,
      };
    default:
      return assertNever(inclusion.state, 'inclusion state');
  }
}

/**
 * The DSK as the lock's label prints it ("12345-23456-…", eight groups of five digits), with the
 * first group (the PIN the technician types) hidden by the core: the groups after it, to compare.
 */
export function dskRest(dskHidden: string | null): string[] {
  if (!dskHidden) return [];
  const groups = dskHidden.split('-').map((g) => g.trim());
  return groups.length > 1 ? groups.slice(1) : [];
}

/** Digits as typed: a space or a dash between them, as some labels print the PIN, is ignored. */
export function pinDigits(typed: string): string {
  return typed.replace(/[\s-]/g, '');
}

/** Why the PIN cannot be sent yet, or null when it is five digits. */
export function pinProblem(typed: string): string | null {
  const digits = pinDigits(typed);
  if (digits === '') return 'Type the five digits from the lock’s DSK label.';
  if (!/^\d+$/.test(digits)) return 'The PIN has digits only: the five underlined at the start of the DSK.';
  if (digits.length !== 5) return `The PIN is five digits; this has ${digits.length}.`;
  return null;
}

import { assertNever } from '../../shared/errors';
import { DoorFailure, type DoorFailureReason } from '../devices/drivers/door-failure';

/** How the console reached the door: a programmer's cable, or a Bluetooth dongle's radio. */
export type DoorLink = 'cable' | 'radio';

/** What the technician reads when a job stops: what happened, then what to do. */
export function adviceFor(reason: DoorFailureReason, over: DoorLink = 'cable'): string {
  if (over === 'radio') {
    if (reason === 'disconnected') return 'Move closer to the lock (a few metres, no metal door in between), wait for it to show in range, then press Resume.';
    if (reason === 'timeout' || reason === 'transport') return 'The Bluetooth link was unreliable. Move closer to the lock, then press Resume.';
  }
  switch (reason) {
    case 'disconnected':
      return 'Reconnect the programmer and the door cable, then press Resume.';
    case 'timeout':
    case 'transport':
    case 'protocol':
      return 'Check the cable between the programmer and the door, then press Resume.';
    case 'programmer_busy':
      return 'Another window or program is using this programmer. Finish there, then press Resume.';
    case 'auth_failed':
      return 'The lock does not accept Porter’s key for it. Check that it is the lock assigned to this door; if it was reset to factory settings, commission it again with the setup code on its label.';
    case 'no_door_attached':
      return 'Connect the programmer’s cable to the door, then press Resume.';
    case 'battery_low':
      return 'Replace the door’s batteries; it refuses changes until then. Then press Resume.';
    case 'no_free_slot':
      return 'The door has no free slot for a credential. Revoke unused access to this door, then program it again.';
    case 'pin_length':
    case 'schedule_unsupported':
    case 'kind_unsupported':
      return 'The door cannot hold one of its credentials. Check that the door’s lock model in Porter matches the lock installed.';
    case 'checksum_mismatch':
      return 'The door’s table changed while it was being programmed. Press Resume to read it again and rewrite it.';
    case 'not_a_reader':
      return 'This door is a lock, not a perimeter reader.';
    case 'door_busy':
    case 'door_io_error':
      return 'The door could not store the change. Wait a moment and press Resume; if it happens again, the lock may need service.';
    case 'aborted':
      return 'The job was stopped. Press Resume to finish it.';
    default:
      return assertNever(reason, 'door failure');
  }
}

/** Any error from a job as the technician sees it; the unexpected ones say so plainly. */
export function jobError(error: unknown, over: DoorLink = 'cable'): { message: string; advice: string } {
  if (error instanceof DoorFailure) return { message: error.message, advice: adviceFor(error.reason, over) };
  return { message: 'Porter hit an unexpected problem running this job.', advice: 'Press Resume to try again; if it fails again, report it with the time.' };
}

import { assertNever } from '../../../shared/errors';
import type { KeyProgrammerCommand, RefusalStatus } from '../keyprog/commands';
import { HidSessionError } from '../session/hid-session-error';
import type { MessageExchange } from '../session/message-exchange';
import { BleLinkError } from '../ble/gatt';
import { BleSessionError } from '../ble/session/ble-session-error';
import { DoorFailure, type DoorFailureReason } from './door-failure';

type OkOf<R> = R extends { status: 'ok' } ? Omit<R, 'status'> : never;

export interface SendOptions {
  timeoutMs?: number;
  /**
   * Sending again after a lost or garbled answer. Every command but COMMIT ends in the same
   * state however often it runs (a stage slot is replaced, a clock set again), so one more try
   * hides a glitch on the wire; the session resynchronises its channel first.
   */
  retries?: number;
}

/**
 * Sends one application command in a MSG and answers its data; a refusal, a garbled answer or
 * a transport failure becomes a DoorFailure whose reason the job turns into advice.
 */
export async function send<Args, Result extends { readonly status: string }>(
  session: MessageExchange,
  command: KeyProgrammerCommand<Args, Result & { readonly status: 'ok' | RefusalStatus }>,
  args: Args,
  signal: AbortSignal,
  { timeoutMs, retries = 1 }: SendOptions = {},
): Promise<OkOf<Result>> {
  let answer: { payload: Uint8Array };
  for (let attempt = 0; ; attempt++) {
    try {
      answer = await session.exchange('msg', command.encode(args), { signal, timeoutMs });
      break;
    } catch (error) {
      const failure = transportFailure(error);
      if (attempt >= retries || !['timeout', 'transport'].includes(failure.reason)) throw failure;
    }
  }
  const result = command.decode(answer.payload);
  if (result.status === 'ok') return result as unknown as OkOf<Result>;
  if (result.status === 'malformed')
    throw new DoorFailure('protocol', `The programmer’s answer to ${command.name} could not be read (${'reason' in result ? String(result.reason) : ''}).`);
  const slot = 'slot' in result && typeof result.slot === 'number' ? result.slot : null;
  throw refusal(result.status as RefusalStatus, slot);
}

export function transportFailure(error: unknown): DoorFailure {
  if (error instanceof DoorFailure) return error;
  if (error instanceof BleSessionError) return bleSessionFailure(error);
  if (error instanceof BleLinkError) return bleLinkFailure(error);
  if (!(error instanceof HidSessionError)) return new DoorFailure('transport', error instanceof Error ? error.message : String(error));
  switch (error.code) {
    case 'disconnected':
    case 'closed':
      return new DoorFailure('disconnected', 'The programmer was disconnected.');
    case 'timeout':
      return new DoorFailure('timeout', 'The programmer stopped answering.');
    case 'aborted':
      return new DoorFailure('aborted', 'The job was stopped.');
    case 'channel_busy':
    case 'lock_required':
      return new DoorFailure('programmer_busy', 'Another window or program is using the programmer.');
    default:
      return new DoorFailure('transport', `${error.message}.`);
  }
}

/**
 * A Bluetooth lock's session. Whatever ended the session (the link, or the lock refusing a
 * replayed or altered message and hanging up) is 'disconnected': nothing more can be read on
 * it, so even a lost COMMIT answer is settled by the next session, which plans again from the
 * checksum. A key the lock does not share is the technician's to fix, never a retry.
 */
function bleSessionFailure(error: BleSessionError): DoorFailure {
  switch (error.code) {
    case 'disconnected':
    case 'closed':
    case 'replay_refused':
    case 'tampered':
      return new DoorFailure('disconnected', `${error.message}.`);
    case 'timeout':
      return new DoorFailure('timeout', 'The lock stopped answering.');
    case 'aborted':
      return new DoorFailure('aborted', 'The job was stopped.');
    case 'auth_failed':
    case 'not_commissioned':
    case 'already_commissioned':
    case 'too_many_attempts':
      return new DoorFailure('auth_failed', `${error.message}.`);
    case 'unsupported_lock':
      return new DoorFailure('protocol', `${error.message}.`);
    default:
      return new DoorFailure('transport', `${error.message}.`);
  }
}

/** Connecting to a lock (the central's own errors, before any session). */
function bleLinkFailure(error: BleLinkError): DoorFailure {
  switch (error.code) {
    case 'out_of_range':
      return new DoorFailure('disconnected', 'The lock is out of Bluetooth range.');
    case 'disconnected':
    case 'gone':
      return new DoorFailure('disconnected', `The Bluetooth link to the lock dropped (${error.message}).`);
    case 'aborted':
      return new DoorFailure('aborted', 'The job was stopped.');
    case 'no_service':
      return new DoorFailure('protocol', 'This Bluetooth device is not a Porter lock.');
    default:
      return new DoorFailure('transport', `${error.message}.`);
  }
}

const refusalWords: Record<RefusalStatus, [DoorFailureReason, string]> = {
  no_door_attached: ['no_door_attached', 'No door is connected to the programmer’s cable.'],
  battery_low: ['battery_low', 'The door’s battery is too low to accept changes.'],
  no_free_slot: ['no_free_slot', 'The door has no free slot.'],
  pin_length: ['pin_length', 'The door refused a PIN code of that length.'],
  schedule_unsupported: ['schedule_unsupported', 'The door cannot hold one of the schedules.'],
  kind_unsupported: ['kind_unsupported', 'The door cannot read one of the credential kinds.'],
  checksum_mismatch: ['checksum_mismatch', 'The door’s table is not the one the changes were planned for.'],
  not_staged: ['protocol', 'The door had no staged changes to work on.'],
  not_a_reader: ['not_a_reader', 'This door is not a reader.'],
  invalid_arguments: ['protocol', 'The programmer refused the command’s arguments.'],
  door_busy: ['door_busy', 'The door is busy.'],
  door_io_error: ['door_io_error', 'The programmer could not talk to the door over its cable.'],
};

function refusal(status: RefusalStatus, slot: number | null): DoorFailure {
  const words = refusalWords[status];
  if (!words) return assertNever(status as never, 'device status');
  const [reason, message] = words;
  return new DoorFailure(reason, slot === null ? message : `${message} (slot ${slot})`, slot);
}

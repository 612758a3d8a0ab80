import { assertNever } from '../../../shared/errors';
import type { TransportError } from '../framing/commands';

/**
 * Every way an exchange with the key-programmer can fail, as one union a caller can switch on.
 * The device's own ERROR codes keep their names; 'other' and codes this console does not know
 * become 'device_error'. The rest are noticed by the host.
 */
export type HidSessionErrorCode =
  | Exclude<TransportError, 'other'>
  | 'device_error' // ERROR 'other' or an unknown code: the programmer failed while working on it
  | 'timeout' // no answer in time: no first packet within the message time, or a gap between packets over the report time
  | 'aborted' // the caller's signal
  | 'disconnected' // unplugged, or the link failed
  | 'closed' // the session was closed by its owner
  | 'unexpected_response' // an answer that does not fit the request (wrong command, a malformed INIT answer)
  | 'payload_too_large'; // the request is over MAX_PAYLOAD: refused before anything was sent

/** Who noticed: the programmer (it sent ERROR) or this console. */
export type HidErrorSource = 'device' | 'host';

export class HidSessionError extends Error {
  readonly code: HidSessionErrorCode;
  readonly source: HidErrorSource;
  /**
   * True when the programmer certainly did not act on the request, so sending it again cannot
   * apply it twice. False when it may have run (its answer was lost or garbled, or it failed
   * half way): a caller then reads the door's state back before trying again.
   */
  readonly retrySafe: boolean;

  constructor(code: HidSessionErrorCode, source: HidErrorSource, retrySafe: boolean, message?: string) {
    super(message ?? describeHidError(code));
    this.name = 'HidSessionError';
    this.code = code;
    this.source = source;
    this.retrySafe = retrySafe;
  }
}

/** A device ERROR: the programmer refuses before running anything, except for 'other'. */
export function deviceError(error: TransportError): HidSessionError {
  if (error === 'other') return new HidSessionError('device_error', 'device', false);
  return new HidSessionError(error, 'device', true);
}

/**
 * An error the host noticed. Whether a retry is safe depends on how far the request got:
 * until its last report is written the programmer has not started on it.
 */
export function hostError(code: HidSessionErrorCode, requestSent: boolean, message?: string): HidSessionError {
  return new HidSessionError(code, 'host', !requestSent, message);
}

export function describeHidError(code: HidSessionErrorCode): string {
  switch (code) {
    case 'invalid_command':
      return 'The key-programmer does not know this command';
    case 'invalid_parameter':
      return 'The key-programmer refused a parameter';
    case 'invalid_length':
      return 'The key-programmer refused the message length';
    case 'invalid_sequence':
      return 'Packets of a message were lost or out of order';
    case 'message_timeout':
      return 'The key-programmer gave up waiting for the rest of the message';
    case 'channel_busy':
      return 'The key-programmer is busy with another console window or program';
    case 'lock_required':
      return 'The key-programmer must be locked to this console first';
    case 'invalid_channel':
      return 'The key-programmer does not know this channel';
    case 'crc_mismatch':
      return 'A message was corrupted on the cable';
    case 'device_error':
      return 'The key-programmer failed while working on the request';
    case 'timeout':
      return 'The key-programmer did not answer in time';
    case 'aborted':
      return 'The exchange was cancelled';
    case 'disconnected':
      return 'The key-programmer was unplugged';
    case 'closed':
      return 'The key-programmer session is closed';
    case 'unexpected_response':
      return 'The key-programmer answered something that does not fit the request';
    case 'payload_too_large':
      return 'The message is too long for the key-programmer';
    default:
      return assertNever(code, 'HID session error code');
  }
}

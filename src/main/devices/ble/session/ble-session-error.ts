import { assertNever } from '../../../../shared/errors';
import type { BleLinkError } from '../gatt';

/**
 * Every way a session with a Bluetooth lock can fail, as one union a caller can switch on.
 * The first group the lock says (its ERROR message) or the console finds in what the lock
 * sent; the rest the console notices on its side.
 */
export type BleSessionErrorCode =
  | 'auth_failed' // a handshake confirmation did not match: the other end holds another key or setup code
  | 'not_commissioned' // the lock is factory-new: commission it first
  | 'already_commissioned' // commissioning a commissioned lock: its setup code no longer works
  | 'too_many_attempts' // five wrong setup codes in a row: the lock refuses commissioning for a while
  | 'replay_refused' // a sealed message came again (its counter was not above the last)
  | 'tampered' // a sealed message did not authenticate
  | 'protocol' // a message that does not fit: bad segments, wrong type, malformed layout
  | 'unsupported_lock' // the lock speaks another version of this protocol
  | 'timeout' // no answer in time
  | 'aborted' // the caller's signal
  | 'disconnected' // the link dropped: out of range, the lock hung up, the dongle went
  | 'closed' // the session was closed by its owner
  | 'payload_too_large'; // a request over the key-programmer's 7605 bytes: nothing was sent

/** Who noticed: the lock (it sent ERROR and hung up) or this console. */
export type BleErrorSource = 'lock' | 'console';

export class BleSessionError extends Error {
  /**
   * True when the lock certainly did not act on the request: its last segment never went out.
   * False once that write was made, answered or not: the lock may have run it, so a caller reads
   * the door's state back before trying again (what the driver does after a lost COMMIT answer).
   */
  readonly retrySafe: boolean;

  constructor(
    readonly code: BleSessionErrorCode,
    readonly source: BleErrorSource,
    retrySafe: boolean,
    message?: string,
  ) {
    super(message ?? describeBleError(code, source));
    this.name = 'BleSessionError';
    this.retrySafe = retrySafe;
  }
}

export function describeBleError(code: BleSessionErrorCode, source: BleErrorSource): string {
  const lockSays = source === 'lock' ? 'The lock ended the session: ' : '';
  switch (code) {
    case 'auth_failed':
      return `${lockSays}the lock and Porter do not share the same key`;
    case 'not_commissioned':
      return 'The lock is factory-new: commission it with the setup code on its label';
    case 'already_commissioned':
      return 'The lock is already commissioned: its setup code works again only after a factory reset';
    case 'too_many_attempts':
      return 'The lock refuses commissioning for ten minutes after five wrong setup codes';
    case 'replay_refused':
      return `${lockSays}a message came twice (replayed)`;
    case 'tampered':
      return `${lockSays}a message was altered on the way`;
    case 'protocol':
      return `${lockSays}a Bluetooth message could not be read`;
    case 'unsupported_lock':
      return 'The lock speaks another version of the Porter lock protocol';
    case 'timeout':
      return 'The lock did not answer in time';
    case 'aborted':
      return 'The exchange was cancelled';
    case 'disconnected':
      return 'The Bluetooth link to the lock dropped';
    case 'closed':
      return 'The session with the lock is closed';
    case 'payload_too_large':
      return 'The message is too long for the lock';
    default:
      return assertNever(code, 'BLE session error code');
  }
}

/** A link error met by a read or write, as the session reports it. */
export function linkFailure(error: BleLinkError, retrySafe: boolean): BleSessionError {
  switch (error.code) {
    case 'aborted':
      return new BleSessionError('aborted', 'console', retrySafe);
    case 'att_error':
    case 'no_service':
      return new BleSessionError('protocol', 'console', retrySafe, `The lock refused a Bluetooth operation (${error.message})`);
    default:
      return new BleSessionError('disconnected', 'console', retrySafe, `The Bluetooth link to the lock dropped (${error.message})`);
  }
}

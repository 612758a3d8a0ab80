import type { LockMessage } from '../protocol/messages';
import type { RecordOpener } from '../protocol/record';
import { ConsoleRefusal } from './lock-transaction';

/** A lock's sealed record, opened; anything else ends the session (thrown as a ConsoleRefusal). */
export function openedRecordContent(opener: RecordOpener, message: LockMessage): Uint8Array {
  if (message.type !== 'sealed') throw new ConsoleRefusal('protocol', `The lock sent ${message.type} after the handshake`);
  const opened = opener.open(message.record);
  if (opened.ok) return opened.plaintext;
  switch (opened.refusal) {
    case 'tampered':
      throw new ConsoleRefusal('tampered', 'An answer from the lock was altered on the way (it did not authenticate)');
    case 'replayed':
      throw new ConsoleRefusal('replay_refused', 'An answer from the lock came twice (replayed)');
    default:
      throw new ConsoleRefusal('protocol', 'The lock sent a sealed record too short to be one');
  }
}

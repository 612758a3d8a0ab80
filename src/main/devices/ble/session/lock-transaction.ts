import { BleLinkError } from '../gatt';
import type { LockMessage } from '../protocol/messages';
import { Deadline, linkedSignal } from '../../session/deadline';
import { BleSessionError, linkFailure, type BleSessionErrorCode } from './ble-session-error';
import type { LockMessenger } from './lock-messenger';

export interface SessionTimes {
  /** From a message's last segment written to the lock's answer; any segment heard restarts it. */
  messageTimeoutMs: number;
  /** Each Write Request's response. */
  segmentTimeoutMs: number;
}

/** 3 s per message as the key-programmer's session, 1 s per segment written. */
export const defaultSessionTimes: SessionTimes = { messageTimeoutMs: 3_000, segmentTimeoutMs: 1_000 };

/** Thrown by an answer check: the console ends the session for this reason. */
export class ConsoleRefusal extends Error {
  constructor(
    readonly code: BleSessionErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ConsoleRefusal';
  }
}

/** The console ends the session (after the exchange, where transact cannot): the error to throw. */
export function endSession(messenger: LockMessenger, code: BleSessionErrorCode, message: string): BleSessionError {
  void messenger.fail({ code, source: 'console', message });
  return new BleSessionError(code, 'console', false, message);
}

/** An answer check: the answer's value, or null to skip the message and wait for the next. */
export type AnswerCheck<T> = (message: LockMessage) => { value: T } | null;

/**
 * Sends one message and waits for the lock's answer to it. A failure while writing may leave the
 * lock holding half a message, which it would refuse the next message for: the session ends
 * then. Once every write was answered, a timeout or the caller's abort leaves the session open,
 * and the late answer is skipped by the check. Retrying is safe only if the last segment never
 * went out: a Write Request cut short may still have reached the lock.
 */
export async function transact<T>(
  messenger: LockMessenger,
  message: Uint8Array,
  check: AnswerCheck<T>,
  callerSignal: AbortSignal,
  times: SessionTimes,
): Promise<T> {
  const deadline = new Deadline(callerSignal);
  const { signal, dispose } = linkedSignal(deadline.signal, messenger.endSignal);
  let written = 0;
  let lastWritten = false;
  let sent = false;
  try {
    await messenger.send(message, signal, (last) => {
      deadline.restart(times.segmentTimeoutMs);
      written++;
      lastWritten = last;
    });
    sent = true;
    deadline.restart(times.messageTimeoutMs);
    messenger.onSegment = () => deadline.restart(times.messageTimeoutMs);
    for (;;) {
      const answer = check(await messenger.receive(signal));
      if (answer) return answer.value;
    }
  } catch (error) {
    if (error instanceof ConsoleRefusal) void messenger.fail({ code: error.code, source: 'console', message: error.message });
    const failure = explain(error, messenger, deadline, callerSignal, !lastWritten);
    if (!sent && written > 0) void messenger.fail({ code: failure.code, source: failure.source, message: failure.message });
    throw failure;
  } finally {
    messenger.onSegment = null;
    deadline.dispose();
    dispose();
  }
}

/** One BleSessionError for whatever stopped the transaction. */
function explain(error: unknown, messenger: LockMessenger, deadline: Deadline, callerSignal: AbortSignal, retrySafe: boolean): BleSessionError {
  const end = messenger.ended;
  if (end) return new BleSessionError(end.code, end.source, retrySafe, end.message);
  if (deadline.passed) return new BleSessionError('timeout', 'console', retrySafe);
  if (callerSignal.aborted) return new BleSessionError('aborted', 'console', retrySafe);
  if (error instanceof BleLinkError) return linkFailure(error, retrySafe);
  return new BleSessionError('protocol', 'console', false, error instanceof Error ? error.message : String(error));
}

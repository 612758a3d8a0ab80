import { keepAliveStatusOf, transportCommands, type KeepAliveStatus } from '../framing/commands';
import { MessageAssembler, type HidMessage } from '../framing/message-assembler';
import { parsePacket } from '../framing/packets';
import { LinkClosedError, type HidLink } from '../link';
import { Deadline } from './deadline';
import { hostError, type HidSessionError } from './hid-session-error';

export interface ResponseTimes {
  /** Longest wait for the first packet of the answer; every KEEPALIVE starts it again. */
  messageTimeoutMs: number;
  /** Longest gap between two packets of one answer. */
  reportTimeoutMs: number;
  /** Keep-alives stop buying time after this long, so a programmer stuck busy still times out. */
  maxKeepAliveMs: number;
}

export interface ResponseWait extends ResponseTimes {
  link: HidLink;
  channelId: number;
  signal: AbortSignal;
  /** Whether the whole request went out: decides if a failure here is safe to retry. */
  requestSent: boolean;
  onKeepAlive?: (status: KeepAliveStatus) => void;
  /** Skips answers that are not ours (INIT answers carrying another host's nonce). */
  accept?: (message: HidMessage) => boolean;
}

/**
 * Reads the answer on one channel: skips other channels' reports and tails of messages we are
 * not reading, follows KEEPALIVEs, and puts the answer's packets together. Returns the
 * answer, which may be an ERROR message; throws a HidSessionError for timeouts, aborts,
 * unplugging and answers broken on the way (host-side invalid_sequence, crc_mismatch).
 */
export async function readResponse(wait: ResponseWait): Promise<HidMessage> {
  const assembler = new MessageAssembler(wait.channelId);
  const deadline = new Deadline(wait.signal);
  const keepAlivesEnd = Date.now() + wait.maxKeepAliveMs;
  deadline.restart(wait.messageTimeoutMs);
  try {
    for (;;) {
      const report = await readReport(wait, deadline);
      const packet = parsePacket(report);
      if (!packet || packet.channelId !== wait.channelId) continue;
      if (packet.kind === 'continuation' && !assembler.receiving) continue;
      const step = assembler.accept(packet);
      if (step.status === 'incomplete') {
        deadline.restart(wait.reportTimeoutMs);
        continue;
      }
      if (step.status === 'failed') throw hostError(step.error, wait.requestSent);
      const message = step.message;
      if (message.command === transportCommands.keepalive) {
        wait.onKeepAlive?.(keepAliveStatusOf(message.payload[0] ?? 0));
        if (Date.now() < keepAlivesEnd) deadline.restart(wait.messageTimeoutMs);
        continue;
      }
      if (wait.accept && !wait.accept(message)) continue;
      return message;
    }
  } finally {
    deadline.dispose();
  }
}

async function readReport(wait: ResponseWait, deadline: Deadline): Promise<Uint8Array> {
  try {
    return await wait.link.read(deadline.signal);
  } catch (error) {
    throw linkFailure(error, wait.signal, deadline, wait.requestSent);
  }
}

/** What a failed read or write means for the exchange. */
export function linkFailure(error: unknown, caller: AbortSignal, deadline: Deadline, requestSent: boolean): HidSessionError {
  if (error instanceof LinkClosedError) return hostError('disconnected', requestSent);
  if (caller.aborted) return hostError('aborted', requestSent);
  if (deadline.passed) return hostError('timeout', requestSent);
  // Anything else from a link is an I/O failure of the device: treat it as gone.
  return hostError('disconnected', requestSent, `The key-programmer link failed: ${String(error)}`);
}

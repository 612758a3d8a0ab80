import { encodeMessage } from '../framing/packets';
import type { HidLink } from '../link';
import { Deadline, untilAborted } from './deadline';
import { linkFailure } from './response-reader';

/**
 * Writes a request's reports in order, each within `reportTimeoutMs`. A write that hangs
 * (a programmer that stopped reading its OUT endpoint) times out instead of holding the
 * session forever. Until the last report is out the programmer cannot have acted on the
 * request, so every failure here is safe to retry.
 */
export async function writeRequest(
  link: HidLink,
  channelId: number,
  command: number,
  payload: Uint8Array,
  signal: AbortSignal,
  reportTimeoutMs: number,
): Promise<void> {
  for (const report of encodeMessage(channelId, command, payload)) {
    const deadline = new Deadline(signal);
    deadline.restart(reportTimeoutMs);
    try {
      await untilAborted(link.write(report), deadline.signal);
    } catch (error) {
      throw linkFailure(error, signal, deadline, false);
    } finally {
      deadline.dispose();
    }
  }
}

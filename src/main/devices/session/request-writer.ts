import { encodeMessage } from '../framing/packets';
import type { HidLink } from '../link';
import { Deadline, untilAborted } from './deadline';
import { linkFailure } from './response-reader';

/**
 * Writes a request's reports, all queued at once as an OS queues them for the interrupt
 * endpoint, so they go out one per frame with no frame lost between them (node-hid runs a
 * device's jobs one at a time, in order). Each report must be taken within `reportTimeoutMs`
 * of the one before: a write that hangs (a programmer that stopped reading its OUT endpoint)
 * times out instead of holding the session forever. Until the last report is out the
 * programmer cannot have acted on the request, so every failure here is safe to retry.
 */
export async function writeRequest(
  link: HidLink,
  channelId: number,
  command: number,
  payload: Uint8Array,
  signal: AbortSignal,
  reportTimeoutMs: number,
): Promise<void> {
  const deadline = new Deadline(signal);
  deadline.restart(reportTimeoutMs);
  try {
    const writes = encodeMessage(channelId, command, payload).map((report) =>
      link.write(report).then(() => deadline.restart(reportTimeoutMs)),
    );
    await untilAborted(Promise.all(writes), deadline.signal);
  } catch (error) {
    throw linkFailure(error, signal, deadline, false);
  } finally {
    deadline.dispose();
  }
}

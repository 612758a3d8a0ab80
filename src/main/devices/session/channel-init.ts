import { randomBytes } from 'node:crypto';
import { transportCommands, transportErrorOf, type TransportError } from '../framing/commands';
import { BROADCAST_CHANNEL } from '../framing/constants';
import type { HidMessage } from '../framing/message-assembler';
import { decodeInitResponse, INIT_NONCE_SIZE, sameNonce, type InitResponse } from '../framing/transport-payloads';
import type { HidLink } from '../link';
import { deviceError, hostError } from './hid-session-error';
import { writeRequest } from './request-writer';
import { readResponse, type ResponseTimes } from './response-reader';

/**
 * INIT: asks for a channel (on the broadcast channel) or resynchronises one we hold (on that
 * channel, which aborts whatever it was doing but keeps its lock). Every host on the device
 * reads every answer on the broadcast channel, so the random nonce is how we know ours;
 * answers with another nonce are skipped.
 *
 * On our own channel an ERROR may be the late answer to the request we are giving up on, so
 * only invalid_channel (the programmer forgot the channel, e.g. it restarted) counts there.
 */
export async function initChannel(
  link: HidLink,
  channelId: number,
  signal: AbortSignal,
  times: ResponseTimes,
  nonce: Uint8Array = randomBytes(INIT_NONCE_SIZE),
): Promise<InitResponse> {
  await writeRequest(link, channelId, transportCommands.init, nonce, signal, times.reportTimeoutMs);
  const answersInit = (error: TransportError) => channelId === BROADCAST_CHANNEL || error === 'invalid_channel';
  const isOurs = (message: HidMessage) =>
    (message.command === transportCommands.error && answersInit(transportErrorOf(message.payload[0] ?? 0))) ||
    (message.command === transportCommands.init && sameNonce(message.payload.subarray(0, INIT_NONCE_SIZE), nonce));
  const answer = await readResponse({ ...times, link, channelId, signal, requestSent: false, accept: isOurs });
  if (answer.command === transportCommands.error) throw deviceError(transportErrorOf(answer.payload[0] ?? 0));
  const response = decodeInitResponse(answer.payload);
  if (!response) throw hostError('unexpected_response', false, 'The key-programmer gave a malformed INIT answer');
  return response;
}

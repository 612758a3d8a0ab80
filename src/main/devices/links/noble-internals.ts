import type { EventEmitter } from 'node:events';
import type { Noble } from '@stoprocent/noble';

/**
 * The two places the console reaches past noble's public API, kept here so a noble upgrade is
 * checked in one file (written against @stoprocent/noble 2.8 and bluetooth-hci-socket 2.3):
 * - ATT Error Responses: noble's GATT client swallows them (a refused write never calls back),
 *   so the console listens to the HCI layer's reassembled ATT PDUs for them.
 * - a cancelled connection attempt: a cancel sent while noble is still resetting the controller
 *   before LE Create Connection reaches the controller first and is refused, and noble then
 *   waits for that connection forever, holding every later attempt behind it.
 * - the serial port: `stop()` starts closing it but does not say when it is closed, and a new
 *   central opening the same port meanwhile would share its bytes with the closing one.
 */
interface NobleInsides {
  _bindings?: {
    _hci?: (EventEmitter & { _socket?: { _serialDevice?: SerialInsides } }) | null;
    _handles?: Record<string, number>;
    _pendingConnectionUuid?: string | null;
  };
}

interface SerialInsides {
  closing?: boolean;
  port?: { isOpen?: boolean };
}

const ATT_CID = 0x0004;
const ATT_ERROR_RESPONSE = 0x01;

export interface AttErrorResponse {
  requestOpcode: number;
  handle: number;
  code: number;
}

/** Calls `listener` for each ATT Error Response on the peripheral's link, before noble sees it. */
export function watchAttErrors(noble: Noble, peripheralId: string, listener: (error: AttErrorResponse) => void): () => void {
  const bindings = (noble as unknown as NobleInsides)._bindings;
  const hci = bindings?._hci;
  if (!hci) return () => undefined;
  const onAcl = (handle: number, cid: number, data: Buffer) => {
    if (cid !== ATT_CID || data[0] !== ATT_ERROR_RESPONSE || data.length < 5) return;
    if (bindings._handles?.[peripheralId] !== handle) return;
    listener({ requestOpcode: data[1]!, handle: data.readUInt16LE(2), code: data[4]! });
  };
  // Prepended: noble settles a failed read with an empty value from the same packet.
  hci.prependListener('aclDataPkt', onAcl);
  return () => hci.removeListener('aclDataPkt', onAcl);
}

/** The serial port noble was using, if any, read before `stop()` lets go of it. */
export function serialPortOf(noble: Noble): SerialInsides | null {
  return (noble as unknown as NobleInsides)._bindings?._hci?._socket?._serialDevice ?? null;
}

/** Resolves once the serial port is closed (or after `limitMs`, for a port that never says). */
export async function serialPortClosed(port: SerialInsides | null, limitMs = 2000): Promise<void> {
  const until = Date.now() + limitMs;
  while (port && (port.closing === true || port.port?.isOpen === true) && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** The peripheral noble is creating a connection to, if any. */
export function connectionInProgress(noble: Noble): string | null {
  return (noble as unknown as NobleInsides)._bindings?._pendingConnectionUuid ?? null;
}

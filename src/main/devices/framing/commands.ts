/**
 * Transport commands, errors and keep-alive states, as bytes on the wire and as names in code.
 * The values follow CTAPHID where CTAPHID has the command (PING, MSG, LOCK, INIT, CANCEL,
 * KEEPALIVE, ERROR); application commands travel inside MSG and are not listed here.
 */

export const transportCommands = {
  ping: 0x81,
  msg: 0x83,
  lock: 0x84,
  init: 0x86,
  cancel: 0x91,
  keepalive: 0xbb,
  error: 0xbf,
} as const;
export type TransportCommand = keyof typeof transportCommands;

const commandByByte = new Map<number, TransportCommand>(
  Object.entries(transportCommands).map(([name, byte]) => [byte, name as TransportCommand]),
);

/** The command a CMD byte names, or null for a byte the transport does not know. */
export function transportCommandOf(byte: number): TransportCommand | null {
  return commandByByte.get(byte) ?? null;
}

/** ERROR payloads: one byte, CTAPHID's numbering plus crc_mismatch (ours). */
export const transportErrors = {
  invalid_command: 0x01,
  invalid_parameter: 0x02,
  invalid_length: 0x03,
  invalid_sequence: 0x04,
  message_timeout: 0x05,
  channel_busy: 0x06,
  lock_required: 0x0a,
  invalid_channel: 0x0b,
  crc_mismatch: 0x10,
  other: 0x7f,
} as const;
export type TransportError = keyof typeof transportErrors;

const errorByByte = new Map<number, TransportError>(
  Object.entries(transportErrors).map(([name, byte]) => [byte, name as TransportError]),
);

/** The error an ERROR byte names; a code this console does not know reads as 'other'. */
export function transportErrorOf(byte: number): TransportError {
  return errorByByte.get(byte) ?? 'other';
}

/** KEEPALIVE payloads: what the programmer is doing while the host waits. */
export const keepAliveStatuses = {
  processing: 0x01,
  waiting_for_door: 0x02,
} as const;
export type KeepAliveStatus = keyof typeof keepAliveStatuses;

/** The status a KEEPALIVE byte names; an unknown status still means "busy", so 'processing'. */
export function keepAliveStatusOf(byte: number): KeepAliveStatus {
  return byte === keepAliveStatuses.waiting_for_door ? 'waiting_for_door' : 'processing';
}

import { BROADCAST_CHANNEL, RESERVED_CHANNEL } from './constants';

/** INIT's nonce: the host picks it at random so it can tell its own answer on the broadcast channel. */
export const INIT_NONCE_SIZE = 8;
/** nonce(8) | CID(4) | protocol version(1) | major | minor | build | capabilities(1) */
export const INIT_RESPONSE_SIZE = INIT_NONCE_SIZE + 4 + 5;
/** The transport protocol version this console speaks (CTAPHID's is 2 as well). */
export const TRANSPORT_PROTOCOL_VERSION = 2;
/** LOCK takes 0..10 seconds, as CTAPHID_LOCK; 0 releases. */
export const MAX_LOCK_SECONDS = 10;

/** Capability flags in the last byte of the INIT response. */
export const capabilityFlags = {
  /** The programmer answers LOCK. */
  lock: 0x01,
  /** The programmer sends KEEPALIVE while it works on a MSG. */
  keepAlive: 0x02,
} as const;

export interface ProgrammerVersion {
  protocolVersion: number;
  major: number;
  minor: number;
  build: number;
  capabilities: number;
}

export interface InitResponse {
  nonce: Uint8Array;
  channelId: number;
  version: ProgrammerVersion;
}

export function encodeInitResponse(response: InitResponse): Uint8Array {
  const bytes = new Uint8Array(INIT_RESPONSE_SIZE);
  bytes.set(response.nonce.subarray(0, INIT_NONCE_SIZE));
  new DataView(bytes.buffer).setUint32(INIT_NONCE_SIZE, response.channelId >>> 0, false);
  const { protocolVersion, major, minor, build, capabilities } = response.version;
  bytes.set([protocolVersion, major, minor, build, capabilities], INIT_NONCE_SIZE + 4);
  return bytes;
}

/** The INIT response, or null when it is too short or hands out a channel nobody may use. */
export function decodeInitResponse(payload: Uint8Array): InitResponse | null {
  if (payload.length < INIT_RESPONSE_SIZE) return null;
  const view = new DataView(payload.buffer, payload.byteOffset, payload.length);
  const channelId = view.getUint32(INIT_NONCE_SIZE, false);
  if (channelId === BROADCAST_CHANNEL || channelId === RESERVED_CHANNEL) return null;
  const at = INIT_NONCE_SIZE + 4;
  return {
    nonce: payload.slice(0, INIT_NONCE_SIZE),
    channelId,
    version: {
      protocolVersion: payload[at]!,
      major: payload[at + 1]!,
      minor: payload[at + 2]!,
      build: payload[at + 3]!,
      capabilities: payload[at + 4]!,
    },
  };
}

export function sameNonce(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

import { lockErrorCodes, lockErrorOf, type LockErrorCode } from './lock-errors';

/*
 * The messages segments carry, each led by its type byte. The handshake's four are in the
 * clear; after it, everything but ERROR is a sealed record (record.ts).
 */

export const messageType = {
  consoleHello: 0x01,
  lockHello: 0x02,
  consoleConfirm: 0x03,
  lockConfirm: 0x04,
  sealed: 0x10,
  error: 0x7f,
} as const;

/** 'session': keyed by the lock key. 'commissioning': keyed by the setup code, to install the lock key. */
export type HandshakeMode = 'session' | 'commissioning';
export const handshakeModeByte: Record<HandshakeMode, number> = { session: 0x01, commissioning: 0x02 };

/** An uncompressed P-256 point: 0x04, x, y. */
export const publicKeyBytes = 65;
export const confirmationBytes = 16;

export type ConsoleMessage =
  | { type: 'console_hello'; mode: HandshakeMode; publicKey: Uint8Array }
  | { type: 'console_confirm'; confirmation: Uint8Array }
  | { type: 'sealed'; record: Uint8Array };

export type LockMessage =
  | { type: 'lock_hello'; publicKey: Uint8Array }
  | { type: 'lock_confirm'; confirmation: Uint8Array }
  | { type: 'sealed'; record: Uint8Array }
  | { type: 'error'; code: LockErrorCode };

export type Malformed = { type: 'malformed'; reason: string };

export const encodeConsoleHello = (mode: HandshakeMode, publicKey: Uint8Array) => join(messageType.consoleHello, [handshakeModeByte[mode]], publicKey);
export const encodeLockHello = (publicKey: Uint8Array) => join(messageType.lockHello, [], publicKey);
export const encodeConsoleConfirm = (confirmation: Uint8Array) => join(messageType.consoleConfirm, [], confirmation);
export const encodeLockConfirm = (confirmation: Uint8Array) => join(messageType.lockConfirm, [], confirmation);
export const encodeLockError = (code: LockErrorCode) => Uint8Array.of(messageType.error, lockErrorCodes[code]);

export function decodeConsoleMessage(bytes: Uint8Array): ConsoleMessage | Malformed {
  switch (bytes[0]) {
    case messageType.consoleHello: {
      const mode = (Object.keys(handshakeModeByte) as HandshakeMode[]).find((m) => handshakeModeByte[m] === bytes[1]);
      if (!mode) return malformed(`handshake mode ${bytes[1] ?? 'missing'}`);
      const publicKey = exactly(bytes, 2, publicKeyBytes);
      return isPoint(publicKey) ? { type: 'console_hello', mode, publicKey } : malformed('CONSOLE_HELLO without an uncompressed P-256 point');
    }
    case messageType.consoleConfirm: {
      const confirmation = exactly(bytes, 1, confirmationBytes);
      return confirmation ? { type: 'console_confirm', confirmation } : malformed('CONSOLE_CONFIRM of the wrong length');
    }
    case messageType.sealed:
      return { type: 'sealed', record: bytes };
    default:
      return malformed(`message type ${bytes[0] ?? 'missing'} from a console`);
  }
}

export function decodeLockMessage(bytes: Uint8Array): LockMessage | Malformed {
  switch (bytes[0]) {
    case messageType.lockHello: {
      const publicKey = exactly(bytes, 1, publicKeyBytes);
      return isPoint(publicKey) ? { type: 'lock_hello', publicKey } : malformed('LOCK_HELLO without an uncompressed P-256 point');
    }
    case messageType.lockConfirm: {
      const confirmation = exactly(bytes, 1, confirmationBytes);
      return confirmation ? { type: 'lock_confirm', confirmation } : malformed('LOCK_CONFIRM of the wrong length');
    }
    case messageType.sealed:
      return { type: 'sealed', record: bytes };
    case messageType.error:
      return bytes.length === 2 ? { type: 'error', code: lockErrorOf(bytes[1]!) } : malformed('ERROR of the wrong length');
    default:
      return malformed(`message type ${bytes[0] ?? 'missing'} from a lock`);
  }
}

function join(type: number, head: readonly number[], body: Uint8Array): Uint8Array {
  const bytes = new Uint8Array(1 + head.length + body.length);
  bytes.set([type, ...head]);
  bytes.set(body, 1 + head.length);
  return bytes;
}

/** The `length` bytes from `offset` when they are exactly the rest of the message, else null. */
function exactly(bytes: Uint8Array, offset: number, length: number): Uint8Array | null {
  return bytes.length === offset + length ? bytes.slice(offset) : null;
}

function isPoint(publicKey: Uint8Array | null): publicKey is Uint8Array {
  return publicKey !== null && publicKey[0] === 0x04;
}

const malformed = (reason: string): Malformed => ({ type: 'malformed', reason });

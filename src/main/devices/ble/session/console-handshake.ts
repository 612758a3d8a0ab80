import type { EphemeralSource } from '../protocol/ephemeral-key';
import { confirmationMatches, deriveHandshakeSecrets, transcriptHash, type SessionKeys } from '../protocol/key-schedule';
import { encodeConsoleConfirm, encodeConsoleHello, type HandshakeMode, type LockMessage } from '../protocol/messages';
import { ConsoleRefusal, endSession, transact, type SessionTimes } from './lock-transaction';
import type { LockMessenger } from './lock-messenger';

export interface HandshakeParams {
  mode: HandshakeMode;
  /** The lock key (a session) or the setup key (commissioning). */
  secret: Uint8Array;
  /** From Lock Info: bound into the transcript, so these keys are this lock's alone. */
  serial: string;
  ephemeral: EphemeralSource;
}

/**
 * The console's side of the handshake: HELLO, the lock's point, our confirmation, the lock's.
 * The console confirms first so a factory-new lock never hands a passer-by something to test
 * setup-code guesses against; a lock that refuses ours answers ERROR auth_failed and hangs up.
 */
export async function consoleHandshake(messenger: LockMessenger, params: HandshakeParams, signal: AbortSignal, times: SessionTimes): Promise<SessionKeys> {
  const ephemeral = params.ephemeral();
  const lockPublicKey = await transact(messenger, encodeConsoleHello(params.mode, ephemeral.publicKey), expect('lock_hello', (m) => m.publicKey), signal, times);
  const shared = ephemeral.sharedSecret(lockPublicKey);
  if (!shared) throw endSession(messenger, 'protocol', 'The lock’s handshake point is not on the curve');
  const transcript = transcriptHash({ mode: params.mode, serial: params.serial, consolePublicKey: ephemeral.publicKey, lockPublicKey });
  const secrets = deriveHandshakeSecrets(params.secret, shared, transcript);
  const lockConfirmation = await transact(messenger, encodeConsoleConfirm(secrets.consoleConfirmation), expect('lock_confirm', (m) => m.confirmation), signal, times);
  if (!confirmationMatches(secrets.lockConfirmation, lockConfirmation))
    throw endSession(messenger, 'auth_failed', 'The lock’s confirmation is wrong: it does not hold Porter’s key for it');
  return secrets.keys;
}

function expect<K extends LockMessage['type'], T>(type: K, pick: (message: Extract<LockMessage, { type: K }>) => T) {
  return (message: LockMessage): { value: T } => {
    if (message.type !== type) throw new ConsoleRefusal('protocol', `The lock sent ${message.type} where ${type} belongs`);
    return { value: pick(message as Extract<LockMessage, { type: K }>) };
  };
}
